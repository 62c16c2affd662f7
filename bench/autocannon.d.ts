// The little of autocannon's API the load benchmark uses (the package ships no types; @types/autocannon is not a
// dependency).
declare module 'autocannon' {
  interface Client {
    setHeaders(headers: Record<string, string>): void;
    setRequests(requests: { method: string; path: string }[]): void;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    setupClient?: (client: Client) => void;
  }
  interface Result {
    requests: { total: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  interface Instance extends PromiseLike<Result> {
    on(event: 'response', listener: (client: Client, statusCode: number, bytes: number, ms: number) => void): void;
  }
  export default function autocannon(options: Options): Instance;
}
