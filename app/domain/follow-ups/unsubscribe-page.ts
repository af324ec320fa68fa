import { FOLLOW_UP_LOCALES, type FollowUpLocale } from "./built-in-messages";

// The page the unsubscribe link opens, in the language of the email it came from. A GET only asks (mail
// scanners open links); the button, or a mail client's one-click POST (RFC 8058), unsubscribes.

export type UnsubscribePageState = "confirm" | "done" | "invalid";

type Copy = { title: string; ask: string; button: string; done: string; invalid: string };

const COPY: Record<FollowUpLocale, Copy> = {
  en: {
    title: "Unsubscribe",
    ask: "Stop follow-up emails from {shop} to {email}?",
    button: "Unsubscribe",
    done: "Done. {shop} will not send follow-up emails to {email} any more.",
    invalid: "This unsubscribe link is not valid. Please use the link from the latest email, or reply to it and ask to be removed.",
  },
  de: {
    title: "Abmelden",
    ask: "Keine weiteren E-Mails von {shop} an {email} nach Ihrer Bestellung?",
    button: "Abmelden",
    done: "Erledigt. {shop} schickt keine E-Mails nach der Bestellung mehr an {email}.",
    invalid: "Dieser Abmeldelink ist ungültig. Bitte nutzen Sie den Link aus der letzten E-Mail oder antworten Sie darauf, um sich abzumelden.",
  },
  sv: {
    title: "Avregistrera",
    ask: "Vill du sluta få uppföljningsmejl från {shop} till {email}?",
    button: "Avregistrera",
    done: "Klart. {shop} skickar inga fler uppföljningsmejl till {email}.",
    invalid: "Den här avregistreringslänken är inte giltig. Använd länken i det senaste mejlet, eller svara på det och be att bli borttagen.",
  },
  ru: {
    title: "Отписаться",
    ask: "Больше не получать письма от {shop} на адрес {email}?",
    button: "Отписаться",
    done: "Готово. {shop} больше не будет присылать письма на адрес {email}.",
    invalid: "Эта ссылка для отписки недействительна. Воспользуйтесь ссылкой из последнего письма или ответьте на него с просьбой об отписке.",
  },
  fr: {
    title: "Se désabonner",
    ask: "Ne plus recevoir d’e-mails de suivi de {shop} à l’adresse {email} ?",
    button: "Se désabonner",
    done: "C’est fait. {shop} n’enverra plus d’e-mails de suivi à {email}.",
    invalid: "Ce lien de désabonnement n’est pas valide. Utilisez le lien du dernier e-mail, ou répondez-y pour demander à être retiré de la liste.",
  },
  es: {
    title: "Darse de baja",
    ask: "¿Dejar de recibir correos de seguimiento de {shop} en {email}?",
    button: "Darme de baja",
    done: "Listo. {shop} ya no enviará correos de seguimiento a {email}.",
    invalid: "Este enlace para darse de baja no es válido. Usa el enlace del último correo o responde a él pidiendo que te den de baja.",
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The language of the page: the email's, else its base language, else English. */
function pageLocale(locale: string | null): FollowUpLocale {
  const base = (locale ?? "").toLowerCase().split(/[-_]/)[0];
  return (FOLLOW_UP_LOCALES as readonly string[]).includes(base) ? (base as FollowUpLocale) : "en";
}

/** The whole page as HTML (no script, no external resources). */
export function unsubscribePage(args: { state: UnsubscribePageState; locale: string | null; shopName: string; email: string }): string {
  const locale = pageLocale(args.locale);
  const copy = COPY[locale];
  const fill = (text: string) =>
    escapeHtml(text)
      .replace("{shop}", `<strong>${escapeHtml(args.shopName)}</strong>`)
      .replace("{email}", escapeHtml(args.email));
  const body =
    args.state === "invalid"
      ? `<p>${escapeHtml(copy.invalid)}</p>`
      : args.state === "done"
        ? `<p>${fill(copy.done)}</p>`
        : `<p>${fill(copy.ask)}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(copy.button)}</button></form>`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(copy.title)}</title>
<style>body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#f4f4f5;color:#1f2933}
main{max-width:480px;margin:15vh auto 0;padding:32px;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:22px;margin:0 0 16px}p{font-size:16px;line-height:1.5;overflow-wrap:anywhere}
button{margin-top:8px;font:inherit;font-weight:600;padding:10px 20px;border:0;border-radius:8px;background:#1f2933;color:#fff;cursor:pointer}</style>
</head><body><main><h1>${escapeHtml(copy.title)}</h1>${body}</main></body></html>`;
}
