/** What a follow-up email reacts to, in the order the admin lists them. */
export const FOLLOW_UP_TRIGGERS = [
  "shipped",
  "shipped-early",
  "arrived",
  "arrived-early",
  "apology",
  "care-advice",
  "review-request",
  "did-it-arrive",
] as const;
export type FollowUpTrigger = (typeof FOLLOW_UP_TRIGGERS)[number];

/** Languages the built-in follow-up emails ship in. */
export const FOLLOW_UP_LOCALES = ["en", "de", "sv", "ru", "fr", "es"] as const;
export type FollowUpLocale = (typeof FOLLOW_UP_LOCALES)[number];

/** One email in one language: each field is Liquid source for the sandboxed engine (`createSandboxedLiquid`). */
export type MessageSource = { subject: string; html: string; text: string };

type Category = "transactional" | "marketing";
type BuiltInMessage = { name: string; category: Category; sources: Record<FollowUpLocale, MessageSource> };

/**
 * Whether a follow-up needs marketing consent: a review request always does, an apology only when it carries a
 * discount code (the code is an offer; the apology alone is service). Everything else is transactional.
 */
export function categoryOf(trigger: FollowUpTrigger, hasCode: boolean): Category {
  return trigger === "review-request" || (trigger === "apology" && hasCode) ? "marketing" : "transactional";
}

// The engine escapes every {{ output }} for HTML (outputEscape: "escape"), so the templates add no `| escape`:
// it would escape twice ("&amp;amp;"). For the same reason nothing is captured and printed again.

/** A piece of an email, written once for both parts so the plain text always says what the HTML says. */
type Part = { html: string; text: string };

/** Words every email of a language shares. Copy may hold Liquid but no HTML: the same string goes into both parts. */
type Common = {
  greetingNamed: string;
  greeting: string;
  closing: string;
  team: string;
  /** Footer line when the shop has a reply address; `{email}` is where it goes. */
  reply: string;
  unsubscribe: string;
  /** Between a label and its URL in the plain text (French puts a space before it). */
  colon: string;
  track: string;
  trackingNumber: string;
  carrier: string;
  /** "{{ days_early }} days" in the language's plural forms. */
  days: { one: string; other: string } | { one: string; few: string; many: string };
};

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif";
const MONO = "SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace";
const BODY_TEXT = `font-family:${FONT};font-size:16px;line-height:24px;color:#1f2937;`;
const P = `margin:0 0 16px;${BODY_TEXT}`;
const TABLE = 'role="presentation" cellpadding="0" cellspacing="0" border="0"';

const join = (parts: Part[]): Part => ({ html: parts.map((part) => part.html).join(""), text: parts.map((part) => part.text).join("") });

/** A Liquid condition around a sentence or a word inside copy. */
const either = (condition: string, then: string, otherwise = "") => `{% if ${condition} %}${then}${otherwise && `{% else %}${otherwise}`}{% endif %}`;

/** A Liquid condition around whole parts. */
function when(condition: string, then: Part[], otherwise: Part[] = []): Part {
  const [yes, no] = [join(then), join(otherwise)];
  return { html: either(condition, yes.html, no.html), text: either(condition, yes.text, no.text) };
}

const para = (copy: string): Part => ({ html: `<p style="${P}">${copy}</p>\n`, text: `${copy}\n\n` });

/** A bulletproof button: the link is the padded cell's content, so it works where CSS padding on <a> does not. */
const buttonHtml = (label: string, url: string, margin = "0 0 16px") =>
  `<table ${TABLE} style="margin:${margin};"><tr><td style="border-radius:6px;background-color:{{ accent_color }};">` +
  `<a href="{{ ${url} }}" style="display:inline-block;padding:12px 20px;font-family:${FONT};font-size:16px;font-weight:600;line-height:20px;` +
  `color:#ffffff;text-decoration:none;border-radius:6px;">${label}</a></td></tr></table>\n`;

const button = (c: Common, label: string, url: string): Part => ({ html: buttonHtml(label, url), text: `${label}${c.colon} {{ ${url} }}\n\n` });

/** The Liquid that prints `days_early` with its noun: one/other, or Russian's one/few/many (1 день, 2 дня, 5 дней, 21 день). */
function daysLiquid(forms: Common["days"]): string {
  if (!("few" in forms)) return either("days_early == 1", forms.one, forms.other);
  return (
    "{% assign kept_days_mod10 = days_early | modulo: 10 %}{% assign kept_days_mod100 = days_early | modulo: 100 %}" +
    either(
      "kept_days_mod10 == 1 and kept_days_mod100 != 11",
      forms.one,
      either("kept_days_mod10 >= 2 and kept_days_mod10 <= 4", either("kept_days_mod100 >= 12 and kept_days_mod100 <= 14", forms.many, forms.few), forms.many),
    )
  );
}

/** A sentence with `{days}` when we know how many days early, the sentence without a number otherwise. */
const withDays = (c: Common, counted: string, uncounted: string) => either("days_early > 0", counted.replace("{days}", daysLiquid(c.days)), uncounted);

/** The tracking button and number, whichever of them the carrier gave us. */
const tracking = (c: Common): Part =>
  join([
    when("tracking_url", [button(c, c.track, "tracking_url")]),
    when("tracking_number or carrier", [para(either("tracking_number", `${c.trackingNumber}${either("carrier", " ({{ carrier }})")}`, c.carrier))]),
  ]);

/** One product: its picture when there is one, its title, and what goes under it. `text` ends with a newline. */
function productRow(under: Part): Part {
  const image =
    `{% if product.image_url %}<td width="64" style="width:64px;padding:0 16px 16px 0;vertical-align:top;">` +
    `<img src="{{ product.image_url }}" width="64" height="64" alt="" style="display:block;width:64px;height:64px;border:0;border-radius:6px;"></td>{% endif %}`;
  return {
    html:
      `<table ${TABLE} width="100%" style="width:100%;"><tr>${image}<td style="padding:0 0 16px;vertical-align:top;">` +
      `<p style="margin:0 0 4px;${BODY_TEXT}font-weight:600;">{{ product.title }}</p>\n${under.html}</td></tr></table>\n`,
    text: `{{ product.title }}\n${under.text}\n`,
  };
}

function forEachProduct(list: string, row: Part): Part {
  return { html: `{% for product in ${list} %}${row.html}{% endfor %}`, text: `{% for product in ${list} %}${row.text}{% endfor %}` };
}

/** The shared email around a message: accent bar, shop name, greeting, body, sign-off and footer; and its plain text. */
function layout(locale: FollowUpLocale, c: Common, subject: string, body: Part): MessageSource {
  const greeting = either("customer.first_name", c.greetingNamed, c.greeting);
  const small = `font-family:${FONT};font-size:13px;line-height:20px;color:#6b7280;`;
  const mailto = '<a href="mailto:{{ shop.email }}" style="color:#6b7280;">{{ shop.email }}</a>';
  const html =
    `<!DOCTYPE html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${subject}</title>\n</head>\n<body style="margin:0;padding:0;background-color:#f4f4f5;">\n` +
    `<table ${TABLE} width="100%" style="width:100%;background-color:#f4f4f5;"><tr><td align="center" style="padding:24px 12px;">\n` +
    `<table ${TABLE} width="560" style="width:100%;max-width:560px;background-color:#ffffff;border-radius:8px;">\n` +
    `<tr><td style="height:4px;line-height:4px;font-size:4px;background-color:{{ accent_color }};border-radius:8px 8px 0 0;">&nbsp;</td></tr>\n` +
    `<tr><td style="padding:24px 32px 8px;font-family:${FONT};font-size:18px;line-height:24px;font-weight:600;color:#111827;">{{ shop.name }}</td></tr>\n` +
    `<tr><td style="padding:16px 32px 8px;">\n<p style="${P}">${greeting}</p>\n${body.html}<p style="${P}">${c.closing}<br>${c.team}</p>\n</td></tr>\n` +
    `<tr><td style="padding:16px 32px 24px;border-top:1px solid #e5e7eb;${small}">{{ shop.name }}<br>\n` +
    `{% if shop.email %}${c.reply.replace("{email}", mailto)}<br>\n{% endif %}` +
    `<a href="{{ unsubscribe_url }}" style="color:#6b7280;">${c.unsubscribe}</a></td></tr>\n` +
    `</table>\n</td></tr></table>\n</body>\n</html>\n`;
  const text =
    `${greeting}\n\n${body.text}${c.closing}\n${c.team}\n\n--\n{{ shop.name }}\n` +
    `{% if shop.email %}${c.reply.replace("{email}", "{{ shop.email }}")}\n{% endif %}${c.unsubscribe}${c.colon} {{ unsubscribe_url }}\n`;
  return { subject, html, text };
}

/** French sets a no-break space before ; : ! ? — in the copy only, never inside a Liquid tag. */
const frenchSpacing = (source: string) =>
  source
    .split(/({{[\s\S]*?}}|{%[\s\S]*?%})/)
    .map((piece, index) => (index % 2 === 1 ? piece : piece.replace(/ ([;:!?])/g, "\u00a0$1")))
    .join("");

const COMMON: Record<FollowUpLocale, Common> = {
  en: {
    greetingNamed: "Hi {{ customer.first_name }},",
    greeting: "Hello,",
    closing: "Warm wishes,",
    team: "The {{ shop.name }} team",
    reply: "Questions? Just reply to this email or write to {email}.",
    unsubscribe: "Unsubscribe",
    colon: ":",
    track: "Track your package",
    trackingNumber: "Tracking number: {{ tracking_number }}",
    carrier: "Carrier: {{ carrier }}",
    days: { one: "{{ days_early }} day", other: "{{ days_early }} days" },
  },
  // German: "Sie". A salutation ends with a comma, so a first paragraph that starts with an ordinary word starts in lower case.
  de: {
    greetingNamed: "Hallo {{ customer.first_name }},",
    greeting: "Guten Tag,",
    closing: "Herzliche Grüße",
    team: "Ihr Team von {{ shop.name }}",
    reply: "Fragen? Antworten Sie einfach auf diese E-Mail oder schreiben Sie an {email}.",
    unsubscribe: "Abmelden",
    colon: ":",
    track: "Sendung verfolgen",
    trackingNumber: "Sendungsnummer: {{ tracking_number }}",
    carrier: "Versanddienstleister: {{ carrier }}",
    days: { one: "{{ days_early }} Tag", other: "{{ days_early }} Tage" },
  },
  sv: {
    greetingNamed: "Hej {{ customer.first_name }}!",
    greeting: "Hej!",
    closing: "Varma hälsningar",
    team: "Vi på {{ shop.name }}",
    reply: "Frågor? Svara bara på det här mejlet eller skriv till {email}.",
    unsubscribe: "Avregistrera",
    colon: ":",
    track: "Spåra ditt paket",
    trackingNumber: "Spårningsnummer: {{ tracking_number }}",
    carrier: "Fraktbolag: {{ carrier }}",
    days: { one: "{{ days_early }} dag", other: "{{ days_early }} dagar" },
  },
  // Russian long dates end with "г." (the year's abbreviation): a sentence that ends with a date gets no full stop of ours.
  ru: {
    greetingNamed: "Здравствуйте, {{ customer.first_name }}!",
    greeting: "Здравствуйте!",
    closing: "Всего доброго,",
    team: "Команда {{ shop.name }}",
    reply: "Есть вопросы? Просто ответьте на это письмо или напишите нам на {email}.",
    unsubscribe: "Отписаться",
    colon: ":",
    track: "Отследить посылку",
    trackingNumber: "Трек-номер: {{ tracking_number }}",
    carrier: "Служба доставки: {{ carrier }}",
    days: { one: "{{ days_early }} день", few: "{{ days_early }} дня", many: "{{ days_early }} дней" },
  },
  fr: {
    greetingNamed: "Bonjour {{ customer.first_name }},",
    greeting: "Bonjour,",
    closing: "Bien à vous,",
    team: "L’équipe {{ shop.name }}",
    reply: "Une question ? Répondez simplement à cet e-mail ou écrivez-nous à {email}.",
    unsubscribe: "Se désabonner",
    colon: " :",
    track: "Suivre mon colis",
    trackingNumber: "Numéro de suivi : {{ tracking_number }}",
    carrier: "Transporteur : {{ carrier }}",
    days: { one: "{{ days_early }} jour", other: "{{ days_early }} jours" },
  },
  es: {
    greetingNamed: "¡Hola, {{ customer.first_name }}!",
    greeting: "¡Hola!",
    closing: "Un saludo,",
    team: "El equipo de {{ shop.name }}",
    reply: "¿Tienes alguna pregunta? Responde a este correo o escríbenos a {email}.",
    unsubscribe: "Darse de baja",
    colon: ":",
    track: "Seguir mi paquete",
    trackingNumber: "Número de seguimiento: {{ tracking_number }}",
    carrier: "Transportista: {{ carrier }}",
    days: { one: "{{ days_early }} día", other: "{{ days_early }} días" },
  },
};

type Draft = { subject: string; body: Part };

// ---------------------------------------------------------------------------------------------------- shipped

type ShippedCopy = { subject: string; lead: string; sentOn: string; expected: string };

const SHIPPED: Record<FollowUpLocale, ShippedCopy> = {
  en: {
    subject: "Your order {{ order.name }} is on its way",
    lead: "Good news: your order {{ order.name }} is on its way to you.",
    sentOn: "It left us on {{ shipped_on }}.",
    expected: "It should be with you by {{ promised_on }}.",
  },
  de: {
    subject: "Ihre Bestellung {{ order.name }} ist unterwegs",
    lead: "Ihre Bestellung {{ order.name }} ist auf dem Weg zu Ihnen.",
    sentOn: "Wir haben sie am {{ shipped_on }} verschickt.",
    expected: "Sie sollte bis zum {{ promised_on }} bei Ihnen sein.",
  },
  sv: {
    subject: "Din beställning {{ order.name }} är på väg",
    lead: "Goda nyheter: din beställning {{ order.name }} är på väg till dig.",
    sentOn: "Vi skickade den {{ shipped_on }}.",
    expected: "Den bör vara framme senast {{ promised_on }}.",
  },
  ru: {
    subject: "Ваш заказ {{ order.name }} уже в пути",
    lead: "Хорошие новости: ваш заказ {{ order.name }} уже в пути.",
    sentOn: "Мы отправили его {{ shipped_on }}",
    expected: "Он должен прийти не позднее {{ promised_on }}",
  },
  fr: {
    subject: "Votre commande {{ order.name }} est en route",
    lead: "Bonne nouvelle : votre commande {{ order.name }} est en route.",
    sentOn: "Nous l’avons expédiée le {{ shipped_on }}.",
    expected: "Elle devrait vous parvenir d’ici le {{ promised_on }}.",
  },
  es: {
    subject: "Tu pedido {{ order.name }} está en camino",
    lead: "Buenas noticias: tu pedido {{ order.name }} ya está en camino.",
    sentOn: "Lo enviamos el {{ shipped_on }}.",
    expected: "Debería llegarte a más tardar el {{ promised_on }}.",
  },
};

const shipped = (c: Common, m: ShippedCopy): Draft => ({
  subject: m.subject,
  body: join([para(`${m.lead}${either("shipped_on", ` ${m.sentOn}`)}${either("promised_on", ` ${m.expected}`)}`), tracking(c)]),
});

// ---------------------------------------------------------------------------------------------- shipped-early

type ShippedEarlyCopy = { subject: string; lead: string; counted: string; uncounted: string };

const SHIPPED_EARLY: Record<FollowUpLocale, ShippedEarlyCopy> = {
  en: {
    subject: "Your order {{ order.name }} shipped early",
    lead: "A small piece of good news: your order {{ order.name }} is already on its way.",
    counted: "We managed to send it {days} earlier than we said we would, and thought you’d like to know.",
    uncounted: "We managed to send it earlier than we said we would, and thought you’d like to know.",
  },
  de: {
    subject: "Ihre Bestellung {{ order.name }} ist schon unterwegs",
    lead: "Ihre Bestellung {{ order.name }} ist bereits auf dem Weg zu Ihnen.",
    counted: "Wir konnten sie {days} früher verschicken als angekündigt und wollten Ihnen kurz Bescheid geben.",
    uncounted: "Wir konnten sie früher verschicken als angekündigt und wollten Ihnen kurz Bescheid geben.",
  },
  sv: {
    subject: "Din beställning {{ order.name }} är redan på väg",
    lead: "Goda nyheter: din beställning {{ order.name }} är redan på väg.",
    counted: "Den gick iväg {days} tidigare än vi hade sagt, och vi tänkte att du gärna ville veta det.",
    uncounted: "Den gick iväg tidigare än vi hade sagt, och vi tänkte att du gärna ville veta det.",
  },
  ru: {
    subject: "Ваш заказ {{ order.name }} отправлен раньше срока",
    lead: "Хорошие новости: ваш заказ {{ order.name }} уже в пути.",
    counted: "Нам удалось отправить его на {days} раньше обещанного, и мы решили сообщить вам об этом.",
    uncounted: "Нам удалось отправить его раньше обещанного, и мы решили сообщить вам об этом.",
  },
  fr: {
    subject: "Votre commande {{ order.name }} est partie en avance",
    lead: "Bonne nouvelle : votre commande {{ order.name }} est déjà en route.",
    counted: "Nous avons pu l’expédier {days} plus tôt que la date annoncée, et nous tenions à vous le dire.",
    uncounted: "Nous avons pu l’expédier plus tôt que la date annoncée, et nous tenions à vous le dire.",
  },
  es: {
    subject: "Tu pedido {{ order.name }} salió antes de lo previsto",
    lead: "Buenas noticias: tu pedido {{ order.name }} ya está en camino.",
    counted: "Pudimos enviarlo {days} antes de lo que te dijimos y queríamos contártelo.",
    uncounted: "Pudimos enviarlo antes de lo que te dijimos y queríamos contártelo.",
  },
};

const shippedEarly = (c: Common, m: ShippedEarlyCopy, expected: string): Draft => ({
  subject: m.subject,
  body: join([para(`${m.lead} ${withDays(c, m.counted, m.uncounted)}`), when("promised_on", [para(expected)]), tracking(c)]),
});

// ---------------------------------------------------------------------------------------------------- arrived

type ArrivedCopy = { subject: string; lead: string; help: string };

const ARRIVED: Record<FollowUpLocale, ArrivedCopy> = {
  en: {
    subject: "Your order {{ order.name }} has arrived",
    lead: "Your order {{ order.name }} has arrived{% if arrived_on %} ({{ arrived_on }}){% endif %}. We hope all is well and that you enjoy it.",
    help: "If anything is missing, damaged or not quite right, just reply to this email and we’ll put it right.",
  },
  de: {
    subject: "Ihre Bestellung {{ order.name }} ist angekommen",
    lead: "Ihre Bestellung {{ order.name }} ist angekommen{% if arrived_on %} ({{ arrived_on }}){% endif %}. Wir hoffen, alles ist in Ordnung und Sie haben viel Freude daran.",
    help: "Falls etwas fehlt, beschädigt ist oder nicht ganz stimmt, antworten Sie einfach auf diese E-Mail. Wir kümmern uns darum.",
  },
  sv: {
    subject: "Din beställning {{ order.name }} har kommit fram",
    lead: "Din beställning {{ order.name }} har kommit fram{% if arrived_on %} ({{ arrived_on }}){% endif %}. Vi hoppas att allt är som det ska och att du blir nöjd.",
    help: "Om något saknas, är skadat eller inte riktigt stämmer, svara bara på det här mejlet så ordnar vi det.",
  },
  ru: {
    subject: "Ваш заказ {{ order.name }} доставлен",
    lead: "Ваш заказ {{ order.name }} доставлен{% if arrived_on %} ({{ arrived_on }}){% endif %}. Надеемся, что всё в порядке и покупка вас радует.",
    help: "Если чего-то не хватает, что-то повреждено или не подошло, просто ответьте на это письмо — мы всё исправим.",
  },
  fr: {
    subject: "Votre commande {{ order.name }} est arrivée",
    lead: "Votre commande {{ order.name }} est arrivée{% if arrived_on %} ({{ arrived_on }}){% endif %}. Nous espérons que tout va bien et qu’elle vous plaira.",
    help: "S’il manque quelque chose, si un article est abîmé ou ne convient pas, répondez simplement à cet e-mail : nous arrangerons cela.",
  },
  es: {
    subject: "Tu pedido {{ order.name }} ha llegado",
    lead: "Tu pedido {{ order.name }} ha llegado{% if arrived_on %} ({{ arrived_on }}){% endif %}. Esperamos que todo esté bien y que lo disfrutes.",
    help: "Si falta algo, algo llegó dañado o no es lo que esperabas, responde a este correo y lo solucionaremos.",
  },
};

const arrived = (m: ArrivedCopy): Draft => ({ subject: m.subject, body: join([para(m.lead), para(m.help)]) });

// ---------------------------------------------------------------------------------------------- arrived-early

type ArrivedEarlyCopy = { subject: string; counted: string; uncounted: string; surprise: string; help: string };

const ARRIVED_EARLY: Record<FollowUpLocale, ArrivedEarlyCopy> = {
  en: {
    subject: "Your order {{ order.name }} arrived early",
    counted: "Your order {{ order.name }} has arrived, {days} before the date we promised.",
    uncounted: "Your order {{ order.name }} has arrived, earlier than the date we promised.",
    surprise: "We hope that was a nice surprise.",
    help: "Enjoy it, and if anything isn’t right, just reply to this email and we’ll sort it out.",
  },
  de: {
    subject: "Ihre Bestellung {{ order.name }} ist früher da",
    counted: "Ihre Bestellung {{ order.name }} ist angekommen, {days} vor dem zugesagten Termin.",
    uncounted: "Ihre Bestellung {{ order.name }} ist schon vor dem zugesagten Termin angekommen.",
    surprise: "Wir hoffen, das war eine schöne Überraschung.",
    help: "Viel Freude damit! Falls etwas nicht stimmt, antworten Sie einfach auf diese E-Mail, und wir kümmern uns darum.",
  },
  sv: {
    subject: "Din beställning {{ order.name }} kom fram tidigt",
    counted: "Din beställning {{ order.name }} har kommit fram, {days} före det datum vi lovade.",
    uncounted: "Din beställning {{ order.name }} har kommit fram, tidigare än det datum vi lovade.",
    surprise: "Vi hoppas att det blev en trevlig överraskning.",
    help: "Hoppas att du blir nöjd! Om något inte stämmer, svara bara på det här mejlet så löser vi det.",
  },
  ru: {
    subject: "Ваш заказ {{ order.name }} пришёл раньше срока",
    counted: "Ваш заказ {{ order.name }} доставлен на {days} раньше обещанного срока.",
    uncounted: "Ваш заказ {{ order.name }} доставлен раньше обещанного срока.",
    surprise: "Надеемся, это был приятный сюрприз.",
    help: "Пользуйтесь с удовольствием! Если что-то не так, просто ответьте на это письмо — мы во всём разберёмся.",
  },
  fr: {
    subject: "Votre commande {{ order.name }} est arrivée en avance",
    counted: "Votre commande {{ order.name }} est arrivée {days} avant la date promise.",
    uncounted: "Votre commande {{ order.name }} est arrivée avant la date promise.",
    surprise: "Nous espérons que c’était une bonne surprise.",
    help: "Profitez-en bien ! Si quelque chose ne va pas, répondez simplement à cet e-mail et nous trouverons une solution.",
  },
  es: {
    subject: "Tu pedido {{ order.name }} llegó antes de tiempo",
    counted: "Tu pedido {{ order.name }} llegó {days} antes de la fecha prometida.",
    uncounted: "Tu pedido {{ order.name }} llegó antes de la fecha prometida.",
    surprise: "Esperamos que haya sido una buena sorpresa.",
    help: "¡Que lo disfrutes! Si algo no está bien, responde a este correo y lo solucionaremos.",
  },
};

const arrivedEarly = (c: Common, m: ArrivedEarlyCopy): Draft => ({
  subject: m.subject,
  body: join([para(`${withDays(c, m.counted, m.uncounted)} ${m.surprise}`), para(m.help)]),
});

// ---------------------------------------------------------------------------------------------------- apology

type ApologyCopy = {
  subjectLate: string;
  subjectAtRisk: string;
  /** Past the promised date, with the date and without it. */
  late: string;
  lateUndated: string;
  /** The promise is at risk, with the date and without it; then why we write now. */
  atRisk: string;
  atRiskUndated: string;
  early: string;
  sentOn: string;
  next: string;
  codeLead: string;
  validUntil: string;
  help: string;
};

const APOLOGY: Record<FollowUpLocale, ApologyCopy> = {
  en: {
    subjectLate: "Sorry, your order {{ order.name }} is running late",
    subjectAtRisk: "Sorry, your order {{ order.name }} may be delayed",
    late: "We’re sorry. Your order {{ order.name }} should have reached you by {{ promised_on }}, and it hasn’t yet.",
    lateUndated: "We’re sorry. Your order {{ order.name }} is taking longer to reach you than we promised.",
    atRisk: "We’re sorry. Your order {{ order.name }} may not reach you by {{ promised_on }}, the date we promised.",
    atRiskUndated: "We’re sorry. Your order {{ order.name }} may arrive later than we promised.",
    early: "We’d rather tell you now than leave you waiting.",
    sentOn: "It left us on {{ shipped_on }} and is on its way to you.",
    next: "We’re keeping an eye on it and doing everything we can to get it to you as soon as possible.",
    codeLead: "As a thank-you for your patience, here’s a personal code for your next order:",
    validUntil: "Valid until {{ code_expires_on }}.",
    help: "If there’s anything we can do in the meantime, just reply to this email.",
  },
  de: {
    subjectLate: "Ihre Bestellung {{ order.name }} verspätet sich",
    subjectAtRisk: "Ihre Bestellung {{ order.name }} kommt eventuell später",
    late: "es tut uns sehr leid: Ihre Bestellung {{ order.name }} sollte bis zum {{ promised_on }} bei Ihnen sein, ist aber noch nicht angekommen.",
    lateUndated: "es tut uns sehr leid: Ihre Bestellung {{ order.name }} braucht länger zu Ihnen, als wir zugesagt haben.",
    atRisk: "es tut uns sehr leid: Ihre Bestellung {{ order.name }} kommt möglicherweise nicht bis zum zugesagten {{ promised_on }} bei Ihnen an.",
    atRiskUndated: "es tut uns sehr leid: Ihre Bestellung {{ order.name }} kommt möglicherweise später an, als wir zugesagt haben.",
    early: "Wir sagen Ihnen das lieber jetzt, statt Sie warten zu lassen.",
    sentOn: "Wir haben sie am {{ shipped_on }} verschickt, und sie ist auf dem Weg zu Ihnen.",
    next: "Wir behalten Ihre Bestellung im Blick und tun alles, damit sie so schnell wie möglich bei Ihnen ist.",
    codeLead: "Als Dankeschön für Ihre Geduld schenken wir Ihnen einen persönlichen Code für Ihre nächste Bestellung:",
    validUntil: "Gültig bis {{ code_expires_on }}.",
    help: "Wenn wir in der Zwischenzeit etwas für Sie tun können, antworten Sie einfach auf diese E-Mail.",
  },
  sv: {
    subjectLate: "Förlåt, din beställning {{ order.name }} är försenad",
    subjectAtRisk: "Förlåt, din beställning {{ order.name }} kan bli försenad",
    late: "Vi ber om ursäkt. Din beställning {{ order.name }} skulle ha varit framme senast {{ promised_on }}, men den har inte kommit än.",
    lateUndated: "Vi ber om ursäkt. Din beställning {{ order.name }} tar längre tid att komma fram än vi lovade.",
    atRisk: "Vi ber om ursäkt. Din beställning {{ order.name }} kanske inte kommer fram senast {{ promised_on }}, som vi lovade.",
    atRiskUndated: "Vi ber om ursäkt. Din beställning {{ order.name }} kan komma fram senare än vi lovade.",
    early: "Vi vill hellre berätta det nu än låta dig vänta och undra.",
    sentOn: "Vi skickade den {{ shipped_on }}, och den är på väg till dig.",
    next: "Vi håller koll på den och gör vad vi kan för att den ska komma fram så snart som möjligt.",
    codeLead: "Som tack för ditt tålamod får du en personlig rabattkod till din nästa beställning:",
    validUntil: "Gäller till och med {{ code_expires_on }}.",
    help: "Om det finns något vi kan göra under tiden, svara bara på det här mejlet.",
  },
  ru: {
    subjectLate: "Извините: ваш заказ {{ order.name }} задерживается",
    subjectAtRisk: "Извините: ваш заказ {{ order.name }} может задержаться",
    late: "Приносим извинения: ваш заказ {{ order.name }} должен был прийти до {{ promised_on }}, но пока не доставлен.",
    lateUndated: "Приносим извинения: доставка вашего заказа {{ order.name }} занимает больше времени, чем мы обещали.",
    atRisk: "Приносим извинения: ваш заказ {{ order.name }} может прийти позже обещанной даты ({{ promised_on }}).",
    atRiskUndated: "Приносим извинения: ваш заказ {{ order.name }} может прийти позже, чем мы обещали.",
    early: "Мы решили предупредить вас заранее, чтобы вы не ждали в неизвестности.",
    sentOn: "Мы отправили его {{ shipped_on }}, и он уже в пути.",
    next: "Мы следим за доставкой и делаем всё, чтобы заказ пришёл к вам как можно скорее.",
    codeLead: "В благодарность за ваше терпение дарим вам персональный код на следующий заказ:",
    validUntil: "Действует до {{ code_expires_on }}",
    help: "Если мы можем чем-то помочь, просто ответьте на это письмо.",
  },
  fr: {
    subjectLate: "Désolés, votre commande {{ order.name }} a du retard",
    subjectAtRisk: "Désolés, votre commande {{ order.name }} pourrait avoir du retard",
    late: "Nous sommes désolés : votre commande {{ order.name }} aurait dû vous parvenir au plus tard le {{ promised_on }}, et elle n’est pas encore arrivée.",
    lateUndated: "Nous sommes désolés : votre commande {{ order.name }} met plus de temps à vous parvenir que nous ne l’avions promis.",
    atRisk: "Nous sommes désolés : votre commande {{ order.name }} risque de ne pas vous parvenir d’ici le {{ promised_on }}, comme nous l’avions promis.",
    atRiskUndated: "Nous sommes désolés : votre commande {{ order.name }} risque d’arriver plus tard que nous ne l’avions promis.",
    early: "Nous préférons vous prévenir dès maintenant plutôt que de vous laisser attendre.",
    sentOn: "Nous l’avons expédiée le {{ shipped_on }} et elle est en route.",
    next: "Nous suivons son acheminement de près et faisons tout notre possible pour qu’elle vous parvienne au plus vite.",
    codeLead: "Pour vous remercier de votre patience, voici un code personnel pour votre prochaine commande :",
    validUntil: "Valable jusqu’au {{ code_expires_on }}.",
    help: "Si nous pouvons faire quoi que ce soit d’ici là, répondez simplement à cet e-mail.",
  },
  es: {
    subjectLate: "Lo sentimos: tu pedido {{ order.name }} va con retraso",
    subjectAtRisk: "Lo sentimos: tu pedido {{ order.name }} podría retrasarse",
    late: "Lo sentimos mucho. Tu pedido {{ order.name }} debería haberte llegado para el {{ promised_on }} y todavía no lo tienes.",
    lateUndated: "Lo sentimos mucho. Tu pedido {{ order.name }} está tardando más en llegar de lo que te prometimos.",
    atRisk: "Lo sentimos mucho. Es posible que tu pedido {{ order.name }} no llegue para el {{ promised_on }}, la fecha que te prometimos.",
    atRiskUndated: "Lo sentimos mucho. Es posible que tu pedido {{ order.name }} llegue más tarde de lo que te prometimos.",
    early: "Preferimos avisarte ahora en lugar de dejarte esperando.",
    sentOn: "Lo enviamos el {{ shipped_on }} y ya está en camino.",
    next: "Lo estamos siguiendo de cerca y haremos todo lo posible para que te llegue cuanto antes.",
    codeLead: "Para agradecerte tu paciencia, aquí tienes un código personal para tu próximo pedido:",
    validUntil: "Válido hasta el {{ code_expires_on }}.",
    help: "Si podemos hacer algo por ti mientras tanto, responde a este correo.",
  },
};

/** The personal code, large and set apart, then its expiry. */
const codeBlock = (m: ApologyCopy): Part =>
  join([
    para(m.codeLead),
    {
      html:
        `<table ${TABLE} style="margin:0 0 16px;"><tr><td style="padding:12px 20px;border:2px dashed {{ accent_color }};border-radius:6px;` +
        `font-family:${MONO};font-size:20px;line-height:28px;font-weight:700;letter-spacing:2px;color:#111827;">{{ code }}</td></tr></table>\n`,
      text: "{{ code }}\n\n",
    },
    when("code_expires_on", [para(m.validUntil)]),
  ]);

const apology = (c: Common, m: ApologyCopy): Draft => ({
  subject: either("late", m.subjectLate, m.subjectAtRisk),
  body: join([
    para(either("late", either("promised_on", m.late, m.lateUndated), `${either("promised_on", m.atRisk, m.atRiskUndated)} ${m.early}`)),
    para(`${either("shipped_on", `${m.sentOn} `)}${m.next}`),
    tracking(c),
    when("code", [codeBlock(m)]),
    para(m.help),
  ]),
});

// ------------------------------------------------------------------------------------------------ care-advice

type CareCopy = { subject: string; lead: string; generic: string; noProducts: string; help: string };

const CARE: Record<FollowUpLocale, CareCopy> = {
  en: {
    subject: "A few care tips for your order {{ order.name }}",
    lead: "Your order {{ order.name }} has been with you for a few days now. Here’s how to get the most out of it and make it last.",
    generic: "We hope you enjoy it! If you have any questions about looking after it, just ask.",
    noProducts: "The care instructions on the label or packaging are the best place to start.",
    help: "Any questions? Just reply to this email. We’re happy to help.",
  },
  de: {
    subject: "Pflegetipps für Ihre Bestellung {{ order.name }}",
    lead: "Ihre Bestellung {{ order.name }} ist jetzt seit ein paar Tagen bei Ihnen. Hier ein paar Tipps, damit Sie lange Freude daran haben.",
    generic: "Wir wünschen Ihnen viel Freude damit! Wenn Sie Fragen zur Pflege haben, melden Sie sich gern.",
    noProducts: "Am besten beachten Sie die Pflegehinweise auf dem Etikett oder der Verpackung.",
    help: "Noch Fragen? Antworten Sie einfach auf diese E-Mail. Wir helfen gern.",
  },
  sv: {
    subject: "Skötselråd för din beställning {{ order.name }}",
    lead: "Nu har du haft din beställning {{ order.name }} i några dagar. Här är några tips så att du får ut det mesta av den och har glädje av den länge.",
    generic: "Vi hoppas att du gillar den! Har du frågor om skötseln är det bara att höra av dig.",
    noProducts: "Skötselråden på etiketten eller förpackningen är det bästa stället att börja.",
    help: "Har du frågor? Svara bara på det här mejlet, så hjälper vi dig gärna.",
  },
  ru: {
    subject: "Советы по уходу за вашим заказом {{ order.name }}",
    lead: "Ваш заказ {{ order.name }} уже несколько дней у вас. Вот несколько советов, которые помогут получить от покупки максимум и сохранить её надолго.",
    generic: "Надеемся, вам понравится! Если появятся вопросы по уходу, просто напишите нам.",
    noProducts: "Лучше всего следовать рекомендациям по уходу на этикетке или упаковке.",
    help: "Остались вопросы? Просто ответьте на это письмо — мы с радостью поможем.",
  },
  fr: {
    subject: "Conseils d’entretien pour votre commande {{ order.name }}",
    lead: "Votre commande {{ order.name }} est chez vous depuis quelques jours. Voici quelques conseils pour en profiter pleinement, et longtemps.",
    generic: "Nous espérons qu’il vous plaira ! Pour toute question sur son entretien, n’hésitez pas à nous écrire.",
    noProducts: "Le mieux est de suivre les conseils d’entretien indiqués sur l’étiquette ou l’emballage.",
    help: "Une question ? Répondez simplement à cet e-mail, nous serons ravis de vous aider.",
  },
  es: {
    subject: "Consejos de cuidado para tu pedido {{ order.name }}",
    lead: "Ya llevas unos días con tu pedido {{ order.name }}. Aquí tienes algunos consejos para sacarle el máximo partido y que te dure mucho tiempo.",
    generic: "¡Esperamos que lo disfrutes! Si tienes dudas sobre su cuidado, escríbenos.",
    noProducts: "Lo mejor es seguir las instrucciones de cuidado de la etiqueta o del embalaje.",
    help: "¿Tienes alguna pregunta? Responde a este correo y te ayudaremos encantados.",
  },
};

const careAdvice = (m: CareCopy): Draft => {
  // pre-line keeps the line breaks a merchant wrote in the care text (the engine would escape a <br>).
  const careText = either("product.care", "{{ product.care }}", m.generic);
  const under = { html: `<p style="margin:0;${BODY_TEXT}white-space:pre-line;">${careText}</p>\n`, text: `${careText}\n` };
  return {
    subject: m.subject,
    body: join([para(m.lead), when("products.size > 0", [forEachProduct("products", productRow(under))], [para(m.noProducts)]), para(m.help)]),
  };
};

// --------------------------------------------------------------------------------------------- review-request

type ReviewCopy = { subject: string; lead: string; button: string; replyInstead: string; thanks: string };

const REVIEW: Record<FollowUpLocale, ReviewCopy> = {
  en: {
    subject: "What do you think of your order {{ order.name }}?",
    lead: "We hope you’re enjoying your order {{ order.name }}. If you have a minute, we’d love to hear what you think: a short review helps other shoppers decide and helps us do better.",
    button: "Write a review",
    replyInstead: "Just reply to this email and tell us what you think. We read every message.",
    thanks: "Thank you!",
  },
  de: {
    subject: "Wie gefällt Ihnen Ihre Bestellung {{ order.name }}?",
    lead: "Ihre Bestellung {{ order.name }} ist jetzt eine Weile bei Ihnen, und wir hoffen, sie gefällt Ihnen. Wenn Sie eine Minute Zeit haben, erzählen Sie uns gern, wie Sie sie finden: Eine kurze Bewertung hilft anderen bei der Entscheidung und uns dabei, besser zu werden.",
    button: "Bewertung schreiben",
    replyInstead: "Antworten Sie einfach auf diese E-Mail und schreiben Sie uns, was Sie denken. Wir lesen jede Nachricht.",
    thanks: "Vielen Dank!",
  },
  sv: {
    subject: "Vad tycker du om din beställning {{ order.name }}?",
    lead: "Vi hoppas att du är nöjd med din beställning {{ order.name }}. Om du har en minut över vill vi gärna höra vad du tycker: ett kort omdöme hjälper andra att välja och hjälper oss att bli bättre.",
    button: "Skriv ett omdöme",
    replyInstead: "Svara bara på det här mejlet och berätta vad du tycker. Vi läser varje meddelande.",
    thanks: "Stort tack!",
  },
  ru: {
    subject: "Как вам заказ {{ order.name }}?",
    lead: "Надеемся, ваш заказ {{ order.name }} вас радует. Если у вас есть минутка, расскажите, как вам покупка: короткий отзыв поможет другим покупателям с выбором, а нам — стать лучше.",
    button: "Оставить отзыв",
    replyInstead: "Просто ответьте на это письмо и расскажите, что вы думаете. Мы читаем каждое сообщение.",
    thanks: "Спасибо!",
  },
  fr: {
    subject: "Que pensez-vous de votre commande {{ order.name }} ?",
    lead: "Nous espérons que votre commande {{ order.name }} vous plaît. Si vous avez une minute, nous aimerions beaucoup avoir votre avis : un court commentaire aide les autres clients à choisir, et nous aide à nous améliorer.",
    button: "Laisser un avis",
    replyInstead: "Répondez simplement à cet e-mail pour nous dire ce que vous en pensez. Nous lisons tous les messages.",
    thanks: "Merci beaucoup !",
  },
  es: {
    subject: "¿Qué te parece tu pedido {{ order.name }}?",
    lead: "Esperamos que estés disfrutando de tu pedido {{ order.name }}. Si tienes un minuto, nos encantaría saber qué te parece: una reseña breve ayuda a otras personas a decidirse y a nosotros a mejorar.",
    button: "Escribir una reseña",
    replyInstead: "Responde a este correo y cuéntanos qué te parece. Leemos todos los mensajes.",
    thanks: "¡Muchas gracias!",
  },
};

/** A link per product that has one; else the shop's one review page; else an invitation to reply. */
const reviewRequest = (c: Common, m: ReviewCopy): Draft => {
  const under = { html: buttonHtml(m.button, "product.review_url", "4px 0 0"), text: `${m.button}${c.colon} {{ product.review_url }}\n` };
  const linked = '{% assign kept_reviewable = products | where: "review_url" %}';
  const links = when(
    "kept_reviewable.size > 0",
    [forEachProduct("kept_reviewable", productRow(under))],
    [when("review_url", [button(c, m.button, "review_url")], [para(m.replyInstead)])],
  );
  return { subject: m.subject, body: join([para(m.lead), { html: linked, text: linked }, links, para(m.thanks)]) };
};

// ---------------------------------------------------------------------------------------------- did-it-arrive

type DidItArriveCopy = { subject: string; dated: string; undated: string; ifArrived: string; ifNot: string };

const DID_IT_ARRIVE: Record<FollowUpLocale, DidItArriveCopy> = {
  en: {
    subject: "Did your order {{ order.name }} arrive?",
    dated: "Your order {{ order.name }} was due to reach you by {{ promised_on }}, but we haven’t seen a delivery confirmation yet, so we wanted to check in.",
    undated: "We haven’t seen a delivery confirmation for your order {{ order.name }} yet, so we wanted to check in.",
    ifArrived: "If it has arrived, wonderful: there’s nothing you need to do.",
    ifNot: "If it hasn’t, please reply to this email and let us know. We’ll look into it and sort it out with you.",
  },
  de: {
    subject: "Ist Ihre Bestellung {{ order.name }} angekommen?",
    dated:
      "Ihre Bestellung {{ order.name }} sollte bis zum {{ promised_on }} bei Ihnen sein, aber wir haben noch keine Zustellbestätigung. Deshalb fragen wir kurz nach.",
    undated: "Ihre Bestellung {{ order.name }} müsste inzwischen bei Ihnen sein, aber wir haben noch keine Zustellbestätigung. Deshalb fragen wir kurz nach.",
    ifArrived: "Falls sie angekommen ist: wunderbar, dann müssen Sie nichts weiter tun.",
    ifNot: "Falls nicht, antworten Sie bitte auf diese E-Mail. Wir gehen der Sache nach und finden gemeinsam mit Ihnen eine Lösung.",
  },
  sv: {
    subject: "Har din beställning {{ order.name }} kommit fram?",
    dated:
      "Din beställning {{ order.name }} skulle ha varit framme senast {{ promised_on }}, men vi har inte fått någon leveransbekräftelse än. Därför ville vi höra efter.",
    undated: "Vi har inte fått någon leveransbekräftelse för din beställning {{ order.name }} än, så vi ville höra efter.",
    ifArrived: "Om den har kommit fram: toppen, då behöver du inte göra något.",
    ifNot: "Om inte, svara gärna på det här mejlet och berätta. Vi tar reda på vad som har hänt och löser det tillsammans med dig.",
  },
  ru: {
    subject: "Вы получили заказ {{ order.name }}?",
    dated: "Ваш заказ {{ order.name }} должен был прийти до {{ promised_on }}, но мы пока не получили подтверждения доставки, поэтому решили уточнить.",
    undated: "Мы пока не получили подтверждения доставки вашего заказа {{ order.name }}, поэтому решили уточнить.",
    ifArrived: "Если заказ уже у вас — отлично, ничего делать не нужно.",
    ifNot: "Если нет, пожалуйста, ответьте на это письмо. Мы во всём разберёмся и решим вопрос.",
  },
  fr: {
    subject: "Avez-vous bien reçu votre commande {{ order.name }} ?",
    dated:
      "Votre commande {{ order.name }} devait vous parvenir au plus tard le {{ promised_on }}, mais nous n’avons pas encore de confirmation de livraison. Nous voulions donc prendre de vos nouvelles.",
    undated: "Nous n’avons pas encore de confirmation de livraison pour votre commande {{ order.name }}, alors nous voulions prendre de vos nouvelles.",
    ifArrived: "Si elle est bien arrivée, parfait : vous n’avez rien à faire.",
    ifNot: "Sinon, répondez simplement à cet e-mail pour nous le signaler. Nous nous en occupons et trouverons une solution avec vous.",
  },
  es: {
    subject: "¿Te ha llegado tu pedido {{ order.name }}?",
    dated:
      "Tu pedido {{ order.name }} debía llegarte para el {{ promised_on }}, pero todavía no tenemos confirmación de la entrega, así que queríamos preguntarte.",
    undated: "Todavía no tenemos confirmación de la entrega de tu pedido {{ order.name }}, así que queríamos preguntarte.",
    ifArrived: "Si ya lo tienes, ¡genial! No necesitas hacer nada.",
    ifNot: "Si no, responde a este correo y cuéntanoslo. Lo revisaremos y lo solucionaremos contigo.",
  },
};

const didItArrive = (c: Common, m: DidItArriveCopy): Draft => ({
  subject: m.subject,
  body: join([para(either("promised_on", m.dated, m.undated)), para(m.ifArrived), para(m.ifNot), tracking(c)]),
});

// ---------------------------------------------------------------------------------------------------- catalogue

function sources(build: (c: Common, locale: FollowUpLocale) => Draft): Record<FollowUpLocale, MessageSource> {
  const entries = FOLLOW_UP_LOCALES.map((locale) => {
    const common = COMMON[locale];
    const draft = build(common, locale);
    const source = layout(locale, common, draft.subject, draft.body);
    if (locale !== "fr") return [locale, source];
    return [locale, { subject: frenchSpacing(source.subject), html: frenchSpacing(source.html), text: frenchSpacing(source.text) }];
  });
  return Object.fromEntries(entries) as Record<FollowUpLocale, MessageSource>;
}

/**
 * The built-in follow-up emails, one Liquid source per language and part. They read only the follow-up data
 * (customer.first_name, order.name, shop.name and shop.email, the preformatted dates, days_early, late, tracking,
 * products, review_url, code and code_expires_on, unsubscribe_url, accent_color) and format nothing themselves.
 */
export const BUILT_IN_MESSAGES: Record<FollowUpTrigger, BuiltInMessage> = {
  shipped: { name: "Order shipped", category: "transactional", sources: sources((c, l) => shipped(c, SHIPPED[l])) },
  "shipped-early": {
    name: "Shipped early",
    category: "transactional",
    sources: sources((c, l) => shippedEarly(c, SHIPPED_EARLY[l], SHIPPED[l].expected)),
  },
  arrived: { name: "Order arrived", category: "transactional", sources: sources((_c, l) => arrived(ARRIVED[l])) },
  "arrived-early": { name: "Arrived early", category: "transactional", sources: sources((c, l) => arrivedEarly(c, ARRIVED_EARLY[l])) },
  // Transactional as a template; an apology that carries a code is marketing when sent (categoryOf).
  apology: { name: "Delay apology", category: "transactional", sources: sources((c, l) => apology(c, APOLOGY[l])) },
  "care-advice": { name: "Care advice", category: "transactional", sources: sources((_c, l) => careAdvice(CARE[l])) },
  "review-request": { name: "Review request", category: "marketing", sources: sources((c, l) => reviewRequest(c, REVIEW[l])) },
  "did-it-arrive": { name: "Did it arrive?", category: "transactional", sources: sources((c, l) => didItArrive(c, DID_IT_ARRIVE[l])) },
};
