// The one place that talks SMTP. Mail goes to SMTP_URL: a relay in
// production, MailDev (started by `npm start`) on a machine with nothing set.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/config/env";

export type Mail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };

const globalForMail = globalThis as unknown as { folioMailTransport?: Transporter };

function transport(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: start Folio with `npm start`, which starts MailDev");
  globalForMail.folioMailTransport ??= nodemailer.createTransport(url);
  return globalForMail.folioMailTransport;
}

export async function sendMail(mail: Mail): Promise<void> {
  await transport().sendMail({ from: env().MAIL_FROM, ...mail });
}
