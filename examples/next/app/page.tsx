import Link from 'next/link';

export default function Home() {
  return (
    <main>
      <h1>Sensei example</h1>
      <Link href="/migrations?page=1">Migrations</Link>
    </main>
  );
}
