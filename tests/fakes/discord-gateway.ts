/**
 * The Gateway v10 half of the fake Discord: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME with
 * replay of the events the client missed, and dispatch of MESSAGE_CREATE / INTERACTION_CREATE to every identified
 * session (several processes may log in with one token, as replicas do: each gets every event). Plain JSON only:
 * discord.js asks for zlib-stream compression only when the optional zlib-sync package is installed.
 */
import type { Server } from "node:http";
import { WebSocket, WebSocketServer, type RawData } from "ws";

/** Gateway opcodes used here (discord-api-types GatewayOpcodes). */
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;
/** GatewayIntentBits.MessageContent: without it Discord blanks guild messages that do not mention the bot. */
const MESSAGE_CONTENT_INTENT = 1 << 15;
const AUTHENTICATION_FAILED = 4004;

export type Payload = Record<string, unknown>;

export interface GatewayOptions {
  readonly server: Server;
  readonly token: string;
  readonly botUser: Payload;
  readonly applicationId: string;
  /** Guild objects sent as GUILD_CREATE after READY. */
  readonly guilds: () => readonly Payload[];
  readonly heartbeatIntervalMs: number;
}

interface Session {
  readonly id: string;
  seq: number;
  readonly log: { readonly s: number; readonly t: string; readonly d: Payload }[];
  intents: number;
  /** The connection the session is live on; undefined while its client is away (events are logged for replay). */
  socket: WebSocket | undefined;
}

/** What the fake saw on its gateway, for assertions. */
export interface GatewayStats {
  identifies: number;
  resumes: number;
  heartbeats: number;
  /** Intents of the last IDENTIFY. */
  intents: number;
  /** Connections open right now. */
  readonly open: number;
  /** Request paths (with query) of every connection, e.g. "/?v=10&encoding=json". */
  readonly connections: string[];
}

export interface FakeGateway {
  readonly stats: GatewayStats;
  /** Sends a dispatch to every session (logged for replay to a session whose client is disconnected). */
  dispatch(t: string, d: Payload): void;
  /** Whether the identified client may read the content of guild messages that do not mention it. */
  readonly hasMessageContentIntent: boolean;
  /** Closes the client's connection with `code` (4000 = unknown error, which clients resume from). */
  disconnect(code: number): void;
  /** Closes the connection of the next IDENTIFY with `code` instead of sending READY (4014: disallowed intents). */
  refuseIdentify(code: number): void;
  /** Terminates every connection and stops accepting new ones. */
  close(): Promise<void>;
}

/** Attaches a Gateway v10 endpoint to `server` (it answers WebSocket upgrades on any path). */
export function createFakeGateway(options: GatewayOptions): FakeGateway {
  const wss = new WebSocketServer({ server: options.server });
  const stats: GatewayStats = {
    identifies: 0,
    resumes: 0,
    heartbeats: 0,
    intents: 0,
    get open() {
      return [...wss.clients].filter((c) => c.readyState === WebSocket.OPEN).length;
    },
    connections: [],
  };
  /** Every session identified so far; `session` is the latest (its intents and connection are what tests query). */
  const sessions: Session[] = [];
  let session: Session | undefined;
  let refusal: number | undefined;

  const send = (ws: WebSocket, payload: Payload): void => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  };

  function dispatchTo(target: Session, t: string, d: Payload): void {
    const s = ++target.seq;
    target.log.push({ s, t, d });
    if (target.socket) send(target.socket, { op: Op.Dispatch, s, t, d });
  }

  function dispatch(t: string, d: Payload): void {
    if (sessions.length === 0) throw new Error(`fake gateway: ${t} dispatched before any client identified`);
    for (const target of sessions) dispatchTo(target, t, d);
  }

  wss.on("connection", (ws, request) => {
    stats.connections.push(request.url ?? "");
    send(ws, { op: Op.Hello, d: { heartbeat_interval: options.heartbeatIntervalMs } });
    ws.on("message", (raw: RawData) => {
      const payload = JSON.parse(raw.toString()) as { op: number; d: Payload | number | null };
      const d = (payload.d ?? {}) as Payload;
      switch (payload.op) {
        case Op.Heartbeat:
          stats.heartbeats++;
          send(ws, { op: Op.HeartbeatAck });
          return;
        case Op.Identify: {
          stats.identifies++;
          if (d["token"] !== options.token) {
            ws.close(AUTHENTICATION_FAILED, "Authentication failed.");
            return;
          }
          if (refusal !== undefined) {
            ws.close(refusal, "fake gateway: identify refused as the test asked");
            refusal = undefined;
            return;
          }
          stats.intents = Number(d["intents"] ?? 0);
          // A client identifying anew on a connection drops the session it had there.
          const kept = sessions.filter((old) => old.socket !== ws);
          sessions.splice(0, sessions.length, ...kept);
          session = { id: `session-${sessions.length + stats.identifies}`, seq: 0, log: [], intents: Number(d["intents"] ?? 0), socket: ws };
          sessions.push(session);
          const current = session;
          const address = options.server.address();
          const port = typeof address === "object" && address ? address.port : 0;
          const guilds = options.guilds();
          dispatchTo(current, "READY", {
            v: 10,
            user: options.botUser,
            guilds: guilds.map((g) => ({ id: g["id"], unavailable: true })),
            session_id: current.id,
            resume_gateway_url: `ws://127.0.0.1:${port}/resume`,
            shard: [0, 1],
            application: { id: options.applicationId, flags: 0 },
          });
          for (const guild of guilds) dispatchTo(current, "GUILD_CREATE", guild);
          return;
        }
        case Op.Resume: {
          stats.resumes++;
          const resumed = sessions.find((x) => x.id === d["session_id"]);
          if (!resumed || d["token"] !== options.token) {
            send(ws, { op: Op.InvalidSession, d: false });
            return;
          }
          resumed.socket = ws;
          const since = Number(d["seq"] ?? 0);
          for (const event of resumed.log) if (event.s > since) send(ws, { op: Op.Dispatch, ...event });
          dispatchTo(resumed, "RESUMED", {});
          return;
        }
        default:
          return;
      }
    });
    ws.on("close", () => {
      for (const x of sessions) if (x.socket === ws) x.socket = undefined;
    });
  });

  return {
    stats,
    dispatch,
    get hasMessageContentIntent() {
      return ((session?.intents ?? 0) & MESSAGE_CONTENT_INTENT) !== 0;
    },
    refuseIdentify(code) {
      refusal = code;
    },
    disconnect(code) {
      session?.socket?.close(code, "fake gateway: disconnect requested by the test");
      if (session) session.socket = undefined;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
