// Sending one message on one channel: WeCom (企业微信) and DingTalk (钉钉) group robots take a JSON POST of a
// markdown message and answer errcode 0; e-mail goes through the township's SMTP server (nodemailer). A sender
// throws on any failure: the outbox retries it later.
import nodemailer from 'nodemailer';
import type { ChannelKind } from '../../../core/contracts/notifications.js';

const TIMEOUT_MS = 10_000;

export interface OutboundMessage {
  title: string;
  body: string;
}

function robotPayload(kind: 'wecom' | 'dingtalk', m: OutboundMessage) {
  const text = `### ${m.title}\n\n${m.body}`;
  return kind === 'wecom' ? { msgtype: 'markdown', markdown: { content: text } } : { msgtype: 'markdown', markdown: { title: m.title, text } };
}

export async function sendToRobot(kind: 'wecom' | 'dingtalk', url: string, m: OutboundMessage): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(robotPayload(kind, m)),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  // Both robots answer 200 with { errcode, errmsg }; a non-zero errcode is a refusal (bad key, rate limit).
  let answer: { errcode?: number; errmsg?: string } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    // a proxy's empty 200 counts as delivered
  }
  if (answer.errcode !== undefined && answer.errcode !== 0) throw new Error(`errcode ${answer.errcode}: ${answer.errmsg ?? ''}`);
}

export interface EmailConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  to: string[];
}

export async function sendEmail(config: EmailConfig, m: OutboundMessage): Promise<void> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({ from: config.from, to: config.to.join(', '), subject: m.title, text: m.body });
  } finally {
    transport.close();
  }
}

export function sendOn(kind: ChannelKind, config: Record<string, unknown>, m: OutboundMessage): Promise<void> {
  if (kind === 'email') return sendEmail(config as unknown as EmailConfig, m);
  return sendToRobot(kind, String(config.url ?? ''), m);
}
