// The benchmark's floor: a bare node:http server that only checks the HMAC and inserts one SQLite row.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";

const db = new Database(process.env.FLOOR_DB);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec("CREATE TABLE IF NOT EXISTS delivery (webhook_id TEXT PRIMARY KEY, topic TEXT, body TEXT)");
const insert = db.prepare("INSERT OR IGNORE INTO delivery (webhook_id, topic, body) VALUES (?, ?, ?)");
const secret = process.env.SHOPIFY_API_SECRET;

createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const expected = createHmac("sha256", secret).update(body).digest();
    const given = Buffer.from(String(req.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401).end();
      return;
    }
    insert.run(req.headers["x-shopify-webhook-id"], req.headers["x-shopify-topic"], body.toString("utf8"));
    res.writeHead(200).end("ok");
  });
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("floor listening"));
