import { createServer, type AddressInfo, type Server } from "node:net";

/**
 * Starts `server` on a free loopback port. A port that cannot be had (EADDRINUSE, EACCES) rejects, where a bare
 * listen() would leave the start pending for ever and its error unhandled.
 */
export async function listenLocal(server: Pick<Server, "listen" | "once" | "off">): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** A loopback port that was free a moment ago, for a server a test starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await listenLocal(server);
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
