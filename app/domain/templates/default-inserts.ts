/** Languages the built-in inserts ship in; merchants can edit or add others. */
export const DEFAULT_INSERT_LOCALES = ["en", "de", "sv", "ru", "fr", "es"] as const;
export type DefaultInsertLocale = (typeof DEFAULT_INSERT_LOCALES)[number];
export type DefaultInsertId = "first-order-thanks" | "care-guide" | "loyal-gift-note" | "next-order-code";

type Copy = { title: string; titleNamed: string; body: string[] };
type ListCopy = { title: string; items: string[] };
type CodeCopy = { title: string; lead: string; validUntil: string };

const NAME = "{{ customer.first_name }}";

/** A heading that greets by first name when we have it ("Thank you, Anna!") and stays polite without it. */
const heading = (named: string, plain: string) => `  <h1>{% if customer.first_name %}${named}{% else %}${plain}{% endif %}</h1>\n`;
const card = (kind: string, inner: string) => `<article class="kept-insert kept-insert--${kind}">\n${inner}</article>\n`;
const paragraphs = (lines: string[]) => lines.map((line) => `  <p>${line}</p>\n`).join("");

const noteCard = (kind: string, copy: Copy) => card(kind, heading(copy.titleNamed, copy.title) + paragraphs(copy.body));
const listCard = (copy: ListCopy) => card("care", `  <h1>${copy.title}</h1>\n  <ul>\n${copy.items.map((item) => `    <li>${item}</li>\n`).join("")}  </ul>\n`);
const codeCard = (copy: CodeCopy) =>
  card(
    "code",
    `  <h1>${copy.title}</h1>\n  <p>${copy.lead}</p>\n  <p class="kept-insert__code">{{ code }}</p>\n` +
      `{% if code_expires_on %}  <p>${copy.validUntil}</p>\n{% endif %}`,
  );

const THANKS: Record<DefaultInsertLocale, Copy> = {
  en: {
    titleNamed: `Thank you, ${NAME}!`,
    title: "Thank you!",
    body: [
      "This is your very first order with us ({{ order.name }}), and we packed it with care. We hope it brings you joy.",
      "If anything isn’t right, just reply to your order confirmation. We’re happy to help.",
    ],
  },
  de: {
    titleNamed: `Danke, ${NAME}!`,
    title: "Danke!",
    body: [
      "Das ist deine allererste Bestellung bei uns ({{ order.name }}), und wir haben sie mit viel Liebe gepackt. Wir hoffen, sie macht dir Freude.",
      "Falls etwas nicht stimmt, antworte einfach auf deine Bestellbestätigung. Wir helfen gern.",
    ],
  },
  sv: {
    titleNamed: `Tack, ${NAME}!`,
    title: "Tack!",
    body: [
      "Det här är din allra första beställning hos oss ({{ order.name }}), och vi har packat den med omsorg. Vi hoppas att den gör dig glad.",
      "Om något inte stämmer, svara bara på din orderbekräftelse så hjälper vi dig.",
    ],
  },
  ru: {
    titleNamed: `Спасибо, ${NAME}!`,
    title: "Спасибо!",
    body: [
      "Это ваш самый первый заказ у нас ({{ order.name }}), и мы собрали его с особой заботой. Надеемся, он вас порадует.",
      "Если что-то не так, просто ответьте на письмо с подтверждением заказа — мы обязательно поможем.",
    ],
  },
  fr: {
    titleNamed: `Merci, ${NAME}&nbsp;!`,
    title: "Merci&nbsp;!",
    body: [
      "C’est votre toute première commande chez nous ({{ order.name }}), et nous l’avons préparée avec soin. Nous espérons qu’elle vous fera plaisir.",
      "Si quelque chose ne va pas, répondez simplement à l’e-mail de confirmation&nbsp;: nous sommes là pour vous aider.",
    ],
  },
  es: {
    titleNamed: `¡Gracias, ${NAME}!`,
    title: "¡Gracias!",
    body: [
      "Este es tu primer pedido con nosotros ({{ order.name }}) y lo hemos preparado con mucho cariño. Esperamos que lo disfrutes.",
      "Si algo no está bien, responde al correo de confirmación de tu pedido y te ayudaremos.",
    ],
  },
};

const CARE: Record<DefaultInsertLocale, ListCopy> = {
  en: {
    title: "Enjoy it for longer",
    items: ["Keep it dry and out of direct sunlight.", "Follow the care instructions on the label.", "Questions? Just reply to your order confirmation."],
  },
  de: {
    title: "So hast du länger Freude daran",
    items: [
      "Trocken und vor direkter Sonne geschützt aufbewahren.",
      "Bitte die Pflegehinweise auf dem Etikett beachten.",
      "Fragen? Antworte einfach auf deine Bestellbestätigung.",
    ],
  },
  sv: {
    title: "Så får du glädje av den länge",
    items: ["Förvara torrt och skyddat från direkt solljus.", "Följ skötselråden på etiketten.", "Frågor? Svara bara på din orderbekräftelse."],
  },
  ru: {
    title: "Как сохранить покупку надолго",
    items: [
      "Храните в сухом месте, вдали от прямых солнечных лучей.",
      "Следуйте рекомендациям по уходу на этикетке.",
      "Есть вопросы? Просто ответьте на письмо с подтверждением заказа.",
    ],
  },
  fr: {
    title: "Pour en profiter plus longtemps",
    items: [
      "Conservez-le au sec et à l’abri du soleil.",
      "Suivez les conseils d’entretien indiqués sur l’étiquette.",
      "Une question&nbsp;? Répondez simplement à l’e-mail de confirmation.",
    ],
  },
  es: {
    title: "Para disfrutarlo por más tiempo",
    items: [
      "Guárdalo en un lugar seco y protegido del sol directo.",
      "Sigue las instrucciones de cuidado de la etiqueta.",
      "¿Tienes preguntas? Responde al correo de confirmación de tu pedido.",
    ],
  },
};

const GIFT: Record<DefaultInsertLocale, Copy> = {
  en: {
    titleNamed: `${NAME}, this one’s on us`,
    title: "This one’s on us",
    body: ["You’ve been with us for a while now, and we noticed. Please enjoy this little gift with order {{ order.name }}: thank you for coming back."],
  },
  de: {
    titleNamed: `${NAME}, das geht auf uns`,
    title: "Das geht auf uns",
    body: [
      "Du bist schon eine Weile bei uns, und das wissen wir zu schätzen. Dieses kleine Geschenk zu Bestellung {{ order.name }} ist unser Dankeschön fürs Wiederkommen.",
    ],
  },
  sv: {
    titleNamed: `${NAME}, den här bjuder vi på`,
    title: "Den här bjuder vi på",
    body: [
      "Du har handlat hos oss ett tag nu, och det uppskattar vi verkligen. Den här lilla gåvan till order {{ order.name }} är vårt sätt att säga tack för att du kommer tillbaka.",
    ],
  },
  ru: {
    titleNamed: `${NAME}, это подарок от нас`,
    title: "Это подарок от нас",
    body: ["Вы с нами уже давно, и мы это очень ценим. Примите этот небольшой подарок к заказу {{ order.name }} — в благодарность за то, что возвращаетесь."],
  },
  fr: {
    titleNamed: `${NAME}, c’est cadeau`,
    title: "C’est cadeau",
    body: [
      "Vous nous êtes fidèle depuis un moment, et cela nous touche. Ce petit cadeau glissé dans votre commande {{ order.name }} est notre façon de vous dire merci.",
    ],
  },
  es: {
    titleNamed: `${NAME}, esto va de nuestra parte`,
    title: "Esto va de nuestra parte",
    body: [
      "Ya llevas un tiempo con nosotros y lo valoramos de verdad. Este pequeño regalo en tu pedido {{ order.name }} es nuestra forma de darte las gracias por volver.",
    ],
  },
};

const CODE: Record<DefaultInsertLocale, CodeCopy> = {
  en: { title: "A little something for next time", lead: "Use this code on your next order:", validUntil: "Valid until {{ code_expires_on }}." },
  de: {
    title: "Eine Kleinigkeit für das nächste Mal",
    lead: "Mit diesem Code sparst du bei deiner nächsten Bestellung:",
    validUntil: "Gültig bis {{ code_expires_on }}.",
  },
  sv: {
    title: "Något litet till nästa gång",
    lead: "Använd den här koden på din nästa beställning:",
    validUntil: "Gäller till och med {{ code_expires_on }}.",
  },
  // No full stop of our own: a Russian long date already ends with one ("20 декабря 2026 г.").
  ru: { title: "Приятный бонус к следующему заказу", lead: "Используйте этот код при следующем заказе:", validUntil: "Действует до {{ code_expires_on }}" },
  fr: {
    title: "Un petit plus pour la prochaine fois",
    lead: "Utilisez ce code lors de votre prochaine commande&nbsp;:",
    validUntil: "Valable jusqu’au {{ code_expires_on }}.",
  },
  es: { title: "Un detalle para la próxima vez", lead: "Usa este código en tu próximo pedido:", validUntil: "Válido hasta el {{ code_expires_on }}." },
};

function perLocale<T>(copy: Record<DefaultInsertLocale, T>, build: (entry: T) => string): Record<DefaultInsertLocale, string> {
  return Object.fromEntries(DEFAULT_INSERT_LOCALES.map((locale) => [locale, build(copy[locale])])) as Record<DefaultInsertLocale, string>;
}

/**
 * The built-in inserts a new shop starts with, one Liquid template per language. They use only
 * `customer.first_name`, `order.name`, `code` and `code_expires_on` (a date already formatted for the locale).
 */
export const DEFAULT_INSERTS: Record<DefaultInsertId, { name: string; templates: Record<DefaultInsertLocale, string> }> = {
  "first-order-thanks": { name: "Thank-you card (first order)", templates: perLocale(THANKS, (copy) => noteCard("thanks", copy)) },
  "care-guide": { name: "Care guide", templates: perLocale(CARE, listCard) },
  "loyal-gift-note": { name: "Gift note for loyal customers", templates: perLocale(GIFT, (copy) => noteCard("gift", copy)) },
  "next-order-code": { name: "Next-order code card", templates: perLocale(CODE, codeCard) },
};
