// express ships no types and @types/express is not a dependency: the few calls the real-limiter
// bench makes, typed over node:http.
declare module 'express' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';

  export type Request = IncomingMessage & { query: Record<string, string | undefined> };
  export type Response = ServerResponse & { json(body: unknown): void };
  export type NextFunction = (error?: unknown) => void;
  export type RequestHandler = (req: Request, res: Response, next: NextFunction) => void;
  export interface Express {
    use(handler: RequestHandler): void;
    get(path: string, handler: RequestHandler): void;
    listen(port: number, host: string): Server;
  }
  export default function express(): Express;
}
