/** @type {import('next').NextConfig} */
const nextConfig = {
  // The example runs offline in CI: no telemetry (NEXT_TELEMETRY_DISABLED=1 too), no remote fonts.
  poweredByHeader: false,
  // This app has its own lockfile inside the library's repository: it is its own root.
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
