import type { ReactNode } from 'react';
import '@sensei/react/styles.css';

export const metadata = { title: 'Sensei migrations (Next.js example)' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
