#include "demo/DemoTexts.h"

#include <initializer_list>

namespace sb::demo {

namespace {

using Words = std::initializer_list<const char *>;

std::vector<QString> list(Words words)
{
    std::vector<QString> out;
    out.reserve(words.size());
    for (const char *w : words) {
        out.push_back(QString::fromUtf8(w));
    }
    return out;
}

const char kLinkAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";

QString capitalized(const QString &text)
{
    return text.isEmpty() ? text : text.at(0).toUpper() + QStringView(text).mid(1);
}

QString randomToken(Random &rng, int length)
{
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i) {
        out += QLatin1Char(kLinkAlphabet[rng.below(sizeof(kLinkAlphabet) - 1)]);
    }
    return out;
}

} // namespace

QString topicTag(Topic topic)
{
    switch (topic) {
    case Topic::Shipping: return QStringLiteral("shipping");
    case Topic::Order: return QStringLiteral("orders");
    case Topic::Returns: return QStringLiteral("returns");
    case Topic::Billing: return QStringLiteral("billing");
    case Topic::Product: return QStringLiteral("product-question");
    case Topic::Sizing: return QStringLiteral("sizing");
    case Topic::Praise: return QStringLiteral("praise");
    case Topic::Complaint: return QStringLiteral("complaint");
    case Topic::Bug: return QStringLiteral("bug");
    case Topic::Feature: return QStringLiteral("feature-request");
    case Topic::Launch: return QStringLiteral("launch");
    case Topic::Event: return QStringLiteral("event");
    case Topic::Spam: return QStringLiteral("spam");
    }
    return {};
}

TextContext TextContext::draw(Random &rng, bool german)
{
    const TextBank &bank = TextBank::instance();
    TextContext ctx;
    ctx.german = german;
    ctx.product = int(rng.below(quint32(bank.products().size())));
    ctx.colour = int(rng.below(8));
    ctx.size = int(rng.below(14));
    ctx.city = int(rng.below(24));
    ctx.carrier = int(rng.below(german ? 5 : 8));
    ctx.days = rng.between(3, 21);
    ctx.weekday = int(rng.below(7));
    ctx.order = 100000 + rng.below(900000);
    ctx.amountCents = rng.between(19, 349) * 100 + (rng.chance(0.6) ? 95 : 0);
    return ctx;
}

const TextBank &TextBank::instance()
{
    static const TextBank bank;
    return bank;
}

QString TextBank::fill(const QString &tpl, const TextContext &ctx, Random &rng) const
{
    QString out;
    out.reserve(tpl.size() + 48);
    qsizetype from = 0;
    while (from < tpl.size()) {
        const qsizetype open = tpl.indexOf(QLatin1Char('{'), from);
        const qsizetype close = open < 0 ? -1 : tpl.indexOf(QLatin1Char('}'), open);
        if (close < 0) {
            out += QStringView(tpl).mid(from);
            break;
        }
        out += QStringView(tpl).mid(from, open - from);
        const QStringView key = QStringView(tpl).mid(open + 1, close - open - 1);
        from = close + 1;
        if (key == QLatin1String("product")) {
            out += m_products[ctx.product];
        } else if (key == QLatin1String("order")) {
            out += QLatin1String("NW-") + QString::number(ctx.order);
        } else if (key == QLatin1String("name")) {
            out += ctx.name;
        } else if (key == QLatin1String("sig")) {
            if (ctx.german || rng.chance(0.7)) {
                out += QLatin1Char('^') + ctx.initials;
            } else {
                out += QStringLiteral("– ") + ctx.agent;
            }
        } else if (key == QLatin1String("agent")) {
            out += ctx.agent;
        } else if (key == QLatin1String("city")) {
            out += m_cities[ctx.city];
        } else if (key == QLatin1String("carrier")) {
            out += m_carriers[ctx.carrier];
        } else if (key == QLatin1String("days")) {
            out += QString::number(ctx.days);
        } else if (key == QLatin1String("size")) {
            out += m_sizes[ctx.size];
        } else if (key == QLatin1String("colour")) {
            out += m_colours.in(ctx.german)[ctx.colour];
        } else if (key == QLatin1String("weekday")) {
            out += m_weekdays.in(ctx.german)[ctx.weekday];
        } else if (key == QLatin1String("amount")) {
            const QString euros = QString::number(ctx.amountCents / 100);
            const QString cents = QStringLiteral("%1").arg(ctx.amountCents % 100, 2, 10, QLatin1Char('0'));
            if (ctx.german) {
                out += euros + QLatin1Char(',') + cents + QStringLiteral(" €");
            } else {
                out += QStringLiteral("€") + euros + QLatin1Char('.') + cents;
            }
        } else if (key == QLatin1String("mention")) {
            out += QLatin1Char('@') + ctx.colleague;
        } else if (key == QLatin1String("brand")) {
            out += ctx.brand;
        } else if (key == QLatin1String("launch")) {
            out += QLatin1String("Trailblazer 3");
        } else if (key == QLatin1String("event")) {
            out += QLatin1String("Trail Days Innsbruck");
        } else if (key == QLatin1String("emoji")) {
            out += rng.pick(m_emoji);
        } else if (key == QLatin1String("ticket")) {
            out += QLatin1String(rng.chance(0.5) ? "LOG-" : "CS-") + QString::number(rng.between(1000, 9999));
        } else if (key == QLatin1String("code")) {
            out += QLatin1String("TRAIL-") + randomToken(rng, 4).toUpper();
        } else if (key == QLatin1String("link")) {
            out += QLatin1String(rng.chance(0.5) ? "https://bit.ly/" : "https://t.co/") + randomToken(rng, 7);
        } else if (key == QLatin1String("n")) {
            out += QString::number(rng.between(2, 6));
        } else {
            out += QLatin1Char('{') + key + QLatin1Char('}');
        }
    }
    // An empty filler (no emoji) leaves a double space behind.
    if (out.contains(QLatin1String("  "))) {
        out.replace(QLatin1String("  "), QLatin1String(" "));
    }
    return out.trimmed();
}

QString TextBank::pickFilled(const Lines &lines, const TextContext &ctx, Random &rng) const
{
    return fill(rng.pick(lines.in(ctx.german)), ctx, rng);
}

QString TextBank::customerOpening(Topic topic, const TextContext &ctx, Random &rng) const
{
    const QString body = pickFilled(m_openings[int(topic)], ctx, rng);
    if (topic == Topic::Spam) {
        return body;
    }
    QString text;
    if (rng.chance(0.55)) {
        text = pickFilled(m_greetings, ctx, rng) + QLatin1Char(' ');
    }
    // A sentence starts with a capital, except after "Hi team,"; some people never capitalise.
    if (!text.endsWith(QLatin1String(", ")) && rng.chance(0.85)) {
        text += capitalized(body);
    } else {
        text += body;
    }
    if (rng.chance(0.6)) {
        const QString closer = pickFilled(m_closers, ctx, rng);
        if (!closer.isEmpty()) {
            text += QLatin1Char(' ') + closer;
        }
    }
    return text.trimmed();
}

QString TextBank::customerAddendum(Topic, const TextContext &ctx, Random &rng) const
{
    return pickFilled(m_addenda, ctx, rng);
}

QString TextBank::customerFollowUp(Topic topic, bool satisfied, const TextContext &ctx, Random &rng) const
{
    if (!satisfied) {
        return pickFilled(m_followUps, ctx, rng);
    }
    const Lines &specific = m_topicThanks[int(topic)];
    return pickFilled(!specific.en.empty() && rng.chance(0.5) ? specific : m_thanks, ctx, rng);
}

QString TextBank::agentReply(Topic topic, int turn, bool closing, const TextContext &ctx, Random &rng) const
{
    if (closing) {
        return pickFilled(m_closingReplies, ctx, rng).trimmed();
    }
    if (turn > 0) {
        return pickFilled(m_agentFollowUps, ctx, rng).trimmed();
    }
    const bool trouble = topic == Topic::Shipping || topic == Topic::Returns || topic == Topic::Billing
        || topic == Topic::Complaint || topic == Topic::Bug;
    const QString opener = pickFilled(trouble && rng.chance(0.5) ? m_apologies : m_replyOpeners, ctx, rng);
    const QString body = pickFilled(m_replies[int(topic)], ctx, rng);
    return QString(opener + QLatin1Char(' ') + (opener.endsWith(QLatin1Char(',')) ? body : capitalized(body)))
        .trimmed();
}

QString TextBank::note(Topic, bool escalation, const TextContext &ctx, Random &rng) const
{
    TextContext team = ctx;
    team.german = rng.chance(0.3); // the team writes notes in English or German, whatever the customer speaks
    return pickFilled(escalation ? m_escalations : m_notes, team, rng);
}

QString TextBank::replyRejection(Random &rng) const
{
    return rng.pick(m_replyRejections);
}

QString TextBank::postRejection(Random &rng) const
{
    return rng.pick(m_postRejections);
}

TextBank::TextBank()
{
    m_products = list({"Trailblazer 2 boots", "Fjell 30 daypack", "Storm Shell jacket", "Merino 200 base layer",
                       "Summit down jacket", "Ridge trekking poles", "Alpen 2P tent", "Nordkapp sleeping bag",
                       "Kestrel rain pants", "Tundra gloves", "Harbour fleece", "Lumen headlamp", "Scree gaiters",
                       "Fjord 65 backpack", "Trailblazer 2 Mid boots", "Sundown sun hoodie"});
    m_colours = {list({"black", "forest green", "rust", "navy", "sand", "glacier blue", "charcoal", "olive"}),
                 list({"schwarz", "waldgrün", "rostrot", "marineblau", "sand", "gletscherblau", "anthrazit", "oliv"})};
    m_sizes = list(
        {"XS", "S", "M", "L", "XL", "EU 38", "EU 39", "EU 40", "EU 41", "EU 42", "EU 43", "EU 44", "EU 45", "EU 46"});
    m_cities
        = list({"Hamburg",   "München",  "Leipzig",    "Köln",  "Wien",       "Zürich",    "Graz",      "Bremen",
                "Dresden",   "Freiburg", "Innsbruck",  "Basel", "Manchester", "Bristol",   "Edinburgh", "Lyon",
                "Amsterdam", "Utrecht",  "Copenhagen", "Malmö", "Kraków",     "Ljubljana", "Bolzano",   "Salzburg"});
    m_carriers = list({"DHL", "DPD", "Hermes", "GLS", "UPS", "Royal Mail", "PostNL", "Österreichische Post"});
    m_weekdays = {list({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}),
                  list({"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"})};
    m_emoji = list({"🙏", "😊", "🙌", "👍", "😅", "⛰️", "🥾", "🏕️", "❤️", "", "", ""});
    m_firstNames = list(
        {"Lena",     "Jonas",  "Mia",    "Leon",   "Hannah", "Felix",  "Emma",    "Paul",    "Sophie",    "Lukas",
         "Marie",    "Ben",    "Anna",   "Noah",   "Laura",  "Elias",  "Julia",   "Finn",    "Clara",     "Max",
         "Lea",      "Tim",    "Nina",   "Jan",    "Sarah",  "David",  "Amelie",  "Moritz",  "Katharina", "Simon",
         "Emily",    "Oliver", "Chloe",  "James",  "Olivia", "Liam",   "Ava",     "Ethan",   "Grace",     "Samuel",
         "Isabella", "Zoe",    "Daniel", "Ruby",   "Matteo", "Giulia", "Lorenzo", "Pierre",  "Camille",   "Louis",
         "Inès",     "Mateo",  "Lucía",  "Pablo",  "Elif",   "Emre",   "Yusuf",   "Zeynep",  "Piotr",     "Agnieszka",
         "Jakub",    "Anja",   "Lars",   "Ingrid", "Sven",   "Freya",  "Astrid",  "Hiroshi", "Yuki",      "Arjun",
         "Fatima",   "Omar",   "Noor",   "Kwame",  "Ama",    "Thabo",  "Siobhan", "Niamh",   "Mateusz",   "Ole"});
    m_lastNames
        = list({"Müller",     "Schmidt",   "Schneider", "Fischer", "Weber",    "Meyer",    "Wagner",   "Becker",
                "Schulz",     "Koch",      "Bauer",     "Klein",   "Wolf",     "Schröder", "Neumann",  "Schwarz",
                "Zimmermann", "Braun",     "Krüger",    "Hofmann", "Hartmann", "Lange",    "Schmitt",  "Werner",
                "Krause",     "Meier",     "Lehmann",   "Huber",   "Gruber",   "Steiner",  "Moser",    "Brunner",
                "Smith",      "Jones",     "Taylor",    "Brown",   "Williams", "Wilson",   "Evans",    "Walker",
                "O'Brien",    "Murphy",    "Kelly",     "Rossi",   "Bianchi",  "Dubois",   "Martin",   "Bernard",
                "García",     "Fernández", "López",     "Yılmaz",  "Kaya",     "Nowak",    "Kowalski", "Wiśniewska",
                "Andersson",  "Johansson", "Nielsen",   "Hansen",  "van Dijk", "de Vries", "Jansen",   "Tanaka",
                "Sato",       "Patel",     "Sharma",    "Khan",    "Mensah",   "Eriksen"});
    m_instances = list({"mastodon.social", "chaos.social", "norden.social", "troet.cafe", "hachyderm.io",
                        "mstdn.social", "mastodon.online", "social.tchncs.de", "det.social", "mas.to", "mastodon.green",
                        "fosstodon.org", "mastodontech.de", "muenchen.social", "mastodon.scot", "toot.community"});

    m_greetings = {list({"Hi team,", "Hey!", "Hello,", "Quick question:", "Morning!", "Hey folks,", "Hi there,",
                         "Hello Northwind,", "Help please:", "Hi,"}),
                   list({"Hallo,", "Hi,", "Moin!", "Servus,", "Guten Tag,", "Hallo zusammen,", "Hallo Northwind,",
                         "Kurze Frage:"})};
    m_closers = {list({"Thanks!", "Thanks in advance.", "Cheers, {name}", "Any help appreciated {emoji}", "Thx",
                       "Please help.", "Would love a quick answer.", "Best, {name}", "{emoji}", "Thank you!"}),
                 list({"Danke!", "Vielen Dank im Voraus.", "Grüße, {name}", "LG {name}", "Danke euch {emoji}",
                       "Bitte um kurze Rückmeldung.", "{emoji}", "Viele Grüße"})};

    m_openings[int(Topic::Shipping)] = {
        list({"my order {order} was supposed to arrive {days} days ago and the {carrier} tracking hasn't moved since "
              "{weekday}.",
              "any idea when the {product} I ordered will ship? It's been {days} days and it still says 'processing'.",
              "the {carrier} tracking for {order} says delivered but there's nothing at my door in {city}.",
              "do you ship to {city}? And how long does it usually take with {carrier}?",
              "ordered the {product} in {colour} last {weekday}, no shipping confirmation yet. Is everything ok?",
              "my parcel has been stuck in the {carrier} depot in {city} for {days} days now. Can you nudge them?",
              "is express shipping still possible for {order}? I need the {product} before my trip next week.",
              "got a shipping notice for {order} but the tracking link just says 'label created'.",
              "the package arrived but only half of it – the {product} is missing from {order}."}),
        list({"meine Bestellung {order} sollte schon vor {days} Tagen da sein, die Sendungsverfolgung von {carrier} "
              "bewegt sich seit {weekday} nicht mehr.",
              "wann wird Bestellung {order} ({product}) verschickt? Steht seit {days} Tagen auf „in Bearbeitung“.",
              "laut {carrier} ist mein Paket zugestellt, aber hier in {city} ist nichts angekommen.",
              "liefert ihr auch nach {city}? Wie lange dauert der Versand mit {carrier} ungefähr?",
              "mein Paket liegt seit {days} Tagen im {carrier}-Depot in {city}. Könnt ihr da mal nachhaken?",
              "Paket ist angekommen, aber {product} fehlt in der Lieferung {order}."})};
    m_openings[int(Topic::Order)]
        = {list({"I need to change the delivery address on {order}, I'm moving to {city} this week.",
                 "can I still cancel order {order}? Ordered the wrong {product} by mistake.",
                 "I ordered the {product} in {size} but meant the {colour} one, can you swap it before it ships?",
                 "placed order {order} twice by accident, please cancel one of them.",
                 "is it possible to add a second {product} to {order} so it ships together?",
                 "my order confirmation for {order} never arrived, did the order go through?",
                 "can I pick up {order} at your store in {city} instead of having it shipped?"}),
           list({"ich muss die Lieferadresse für {order} ändern, ich ziehe diese Woche nach {city}.",
                 "kann ich Bestellung {order} noch stornieren? Habe aus Versehen das falsche Modell bestellt.",
                 "habe {order} versehentlich doppelt bestellt, bitte eine davon stornieren.",
                 "ich habe keine Bestellbestätigung für {order} bekommen – ist die Bestellung durchgegangen?",
                 "kann ich bei {order} die Farbe noch auf {colour} ändern, bevor es rausgeht?"})};
    m_openings[int(Topic::Returns)]
        = {list({"I sent back the {product} {days} days ago and still no refund. Return label was {carrier}.",
                 "how do I return the {product}? It doesn't fit and the return portal gives me an error.",
                 "the refund for {order} was only {amount}, but I paid more. What happened?",
                 "can I exchange the {product} for size {size} instead of returning it?",
                 "your return window is 30 days, right? Bought the {product} in the {city} store, can I return it by "
                 "post?",
                 "the return for {order} arrived at your warehouse on {weekday} according to {carrier}. When will I "
                 "see the money?"}),
           list({"ich habe {product} vor {days} Tagen zurückgeschickt und noch keine Erstattung erhalten.",
                 "wie kann ich {product} umtauschen? Passt leider nicht, ich brauche Größe {size}.",
                 "die Erstattung für {order} war nur {amount}, ich habe aber mehr bezahlt?",
                 "das Retourenportal zeigt bei {order} nur eine Fehlermeldung. Wie schicke ich das zurück?"})};
    m_openings[int(Topic::Billing)]
        = {list({"I was charged twice for {order} – {amount} each. Please fix.",
                 "can I get a proper invoice with VAT for {order}? Need it for my company.",
                 "PayPal says the payment for {order} failed but the money is gone from my account.",
                 "the discount code didn't apply at checkout, I paid {amount} instead of the sale price.",
                 "why is there a customs fee on my {product}? I'm in {city} and thought shipping was duty-free."}),
           list({"mir wurde {order} doppelt abgebucht, jeweils {amount}. Bitte korrigieren.",
                 "kann ich für {order} eine Rechnung mit ausgewiesener MwSt. bekommen? Brauche sie für die Firma.",
                 "der Rabattcode wurde nicht abgezogen, ich habe {amount} bezahlt.",
                 "die Zahlung per Klarna für {order} ist fehlgeschlagen, das Geld ist aber weg."})};
    m_openings[int(Topic::Product)]
        = {list({"is the {product} actually waterproof or just water-resistant? Planning a week in Scotland.",
                 "does the {product} come in {colour}? I can only find it in black.",
                 "how warm is the {product}? Would it work for winter camping around -10°C?",
                 "is the {product} vegan and free of PFAS? Couldn't find it on the product page.",
                 "what's the difference between the {product} and the older model? Worth upgrading?",
                 "can I get spare parts for my {product}? One of the buckles broke after {days} trips.",
                 "is the {product} back in stock anytime soon? Sold out everywhere in {city}.",
                 "how do I wash the {product} without ruining the membrane?"}),
           list({"ist {product} wirklich wasserdicht oder nur wasserabweisend?", "gibt es {product} auch in {colour}?",
                 "wie warm ist {product}? Reicht das fürs Wintercamping bei -10 °C?",
                 "ist {product} PFAS-frei? Habe dazu nichts auf der Produktseite gefunden.",
                 "wann ist {product} wieder lieferbar? In {city} überall ausverkauft.",
                 "wie wasche ich {product}, ohne die Membran zu ruinieren?"})};
    m_openings[int(Topic::Sizing)]
        = {list({"I'm usually a {size} – does the {product} run small?",
                 "is the {product} cut for wide feet? Thinking of {size}.",
                 "what are the measurements of the {product} in {size}? The size chart link is broken.",
                 "my partner is 1.85 m and 80 kg – {size} or one up for the {product}?",
                 "between {size} and the next size up for the {product}, which would you pick for thick socks?"}),
           list({"ich trage normalerweise {size} – fällt {product} klein aus?",
                 "ist {product} auch für breite Füße geeignet? Ich überlege {size}.",
                 "der Link zur Größentabelle für {product} geht nicht. Welche Maße hat {size}?"})};
    m_openings[int(Topic::Praise)] = {
        list({"just finished a {days}-day hike in the {product} – zero blisters. You folks rock {emoji}",
              "shoutout to your support team, got my exchange in two days. Great service!",
              "bought the {product} in {colour} and I'm in love. Best purchase this year.",
              "my {product} survived {days} days of rain around {city}. Totally worth it.",
              "love that you repair gear instead of pushing new stuff. Sent my {product} in and it's like new {emoji}",
              "the {product} is everything I hoped for. Thanks for making good gear!"}),
        list({"gerade {days} Tage Wandern mit {product} hinter mir – keine einzige Blase. Ihr seid super {emoji}",
              "großes Lob an euren Support, der Umtausch hat nur zwei Tage gedauert!",
              "{product} in {colour} ist einfach perfekt. Bester Kauf dieses Jahr.",
              "danke für die Reparatur von {product}, sieht aus wie neu {emoji}"})};
    m_openings[int(Topic::Complaint)] = {
        list({"the sole of my {product} came off after {days} weeks. For that price? Really disappointed.",
              "third time I'm asking about {order} and nobody answers. This is unacceptable.",
              "the zipper on the {product} broke on the first trip. I want a replacement, not excuses.",
              "the {product} leaks at the seams. Got completely soaked on {weekday}.",
              "your customer service hung up on me twice. Order {order} is still missing.",
              "the colour of the {product} is nothing like the photos. Not happy.",
              "paid for express shipping and {order} took {days} days. I want the shipping fee back."}),
        list({"die Sohle von {product} hat sich nach {days} Wochen gelöst. Bei dem Preis echt enttäuschend.",
              "ich frage jetzt zum dritten Mal nach {order} und niemand antwortet. So geht das nicht.",
              "der Reißverschluss von {product} ist beim ersten Einsatz kaputtgegangen. Ich will Ersatz.",
              "{product} ist an den Nähten undicht, ich war am {weekday} komplett durchnässt.",
              "Expressversand bezahlt und {order} hat {days} Tage gebraucht. Ich möchte die Versandkosten zurück."})};
    m_openings[int(Topic::Bug)]
        = {list({"checkout on your site keeps failing at the payment step, tried 3 times. Chrome on Android.",
                 "your app crashes as soon as I open my order history.",
                 "the size filter on the website shows {size} as available but the product page says sold out.",
                 "can't log in to my account, the password reset email never arrives.",
                 "the store locator shows a shop in {city} that closed last year.",
                 "the product page of the {product} shows prices in USD even though I'm in {city}."}),
           list({"der Checkout bricht bei mir immer bei der Zahlung ab, schon 3 Mal probiert.",
                 "eure App stürzt ab, sobald ich die Bestellhistorie öffne.",
                 "ich kann mich nicht einloggen, die Mail zum Zurücksetzen des Passworts kommt nie an.",
                 "der Größenfilter zeigt {size} als verfügbar, auf der Produktseite steht ausverkauft."})};
    m_openings[int(Topic::Feature)]
        = {list({"please make the {product} in a wide fit! Half my hiking group would buy it.",
                 "would love a women's cut of the {product}.",
                 "any plans for a repair kit for the {product}? I'd buy one right away.",
                 "can you add a 'notify me when back in stock' button? Missed the {product} twice.",
                 "how about a rental option for tents like the {product}? I'd try before buying.",
                 "please offer a dark mode in the app {emoji}"}),
           list({"bitte {product} auch in weiter Passform anbieten!",
                 "wie wäre es mit einem Reparaturset für {product}? Würde ich sofort kaufen.",
                 "könnt ihr eine Benachrichtigung einbauen, wenn etwas wieder lieferbar ist?",
                 "wünsche mir {product} auch in {colour} {emoji}"})};
    m_openings[int(Topic::Launch)] = {list({"when exactly does the {launch} drop? Setting an alarm {emoji}",
                                            "is the {launch} going to be available in the {city} store or online only?",
                                            "what changed between the Trailblazer 2 and the {launch}? Is it lighter?",
                                            "pre-ordered the {launch} in {size}, any idea when it ships?",
                                            "the {launch} looks amazing. Will there be a {colour} version?",
                                            "saw the {launch} teaser – is the sole resoleable this time?"}),
                                      list({"wann genau kommt der {launch}? Ich stelle mir schon einen Wecker {emoji}",
                                            "gibt es den {launch} auch im Laden in {city} oder nur online?",
                                            "was ist beim {launch} anders als beim Trailblazer 2? Leichter?",
                                            "habe den {launch} in {size} vorbestellt – wann wird verschickt?"})};
    m_openings[int(Topic::Event)] = {
        list({"are tickets for {event} still available? Coming with {n} friends.",
              "is there a guided hike at {event} for beginners?", "where exactly is {event}? Is there parking nearby?",
              "can I test the {launch} at {event} before buying?",
              "will {event} be streamed for those of us who can't make it?"}),
        list({"gibt es noch Tickets für {event}? Wir kommen zu {n}.",
              "gibt es bei {event} auch eine geführte Tour für Anfänger?",
              "wo genau findet {event} statt? Gibt es Parkplätze?", "kann man bei {event} den {launch} testen?"})};
    m_openings[int(Topic::Spam)]
        = {list({"Get 10k real followers for your brand in 24h!!! {link}",
                 "Congratulations! You have been selected for our crypto airdrop, claim at {link}",
                 "Hey, love your content! Collab? DM me for promo rates 💸", "Cheap outdoor gear 90% off {link} {link}",
                 "Earn $500/day from home, ask me how {link}"}),
           list({"Schnell reich mit Krypto!!! Infos hier: {link}", "Markenjacken 90% reduziert {link}"})};

    m_replyOpeners
        = {list({"Hi {name}!", "Hey {name},", "Hello {name},", "Thanks for reaching out, {name}!", "Hi {name},"}),
           list({"Hallo {name}!", "Hi {name},", "Danke für deine Nachricht, {name}!", "Hey {name},"})};
    m_apologies = {list({"Sorry to hear that, {name}.", "Oh no, {name}!", "So sorry about this, {name}."}),
                   list({"Das tut uns leid, {name}.", "Oh nein, {name}!"})};
    m_replies[int(Topic::Shipping)] = {
        list({"I've checked {order}: the parcel is with {carrier} and should reach you within 2 working days. {sig}",
              "sorry for the wait! Could you DM us your order number and postcode so we can chase {carrier}? {sig}",
              "{carrier} confirmed a delay at the {city} hub. I've asked them to prioritise your parcel. {sig}",
              "the tracking wasn't updated. I've opened an investigation ({ticket}) – if nothing moves by {weekday}, "
              "we'll send a replacement. {sig}"}),
        list({"ich habe {order} geprüft: das Paket ist bei {carrier} und sollte in 2 Werktagen bei dir sein. {sig}",
              "sorry für die Wartezeit! Schick uns bitte Bestellnummer und PLZ per DM, dann haken wir bei {carrier} "
              "nach. {sig}",
              "wir haben einen Nachforschungsauftrag gestellt ({ticket}). Wenn sich bis {weekday} nichts tut, "
              "schicken wir Ersatz. {sig}"})};
    m_replies[int(Topic::Order)] = {
        list({"done – I've updated {order} before it left the warehouse. You'll get a new confirmation shortly. {sig}",
              "good news, {order} hadn't shipped yet, so I've cancelled it. The refund takes 3–5 days. {sig}",
              "could you DM us the email address you ordered with? Then we can change it right away. {sig}"}),
        list({"erledigt – ich habe {order} noch vor dem Versand angepasst. Du bekommst gleich eine neue Bestätigung. "
              "{sig}",
              "gute Nachricht: {order} war noch nicht raus, ich habe storniert. Die Erstattung dauert 3–5 Tage. "
              "{sig}"})};
    m_replies[int(Topic::Returns)]
        = {list({"your return arrived on {weekday}; the refund of {amount} is on its way and should show in 3–5 days. "
                 "{sig}",
                 "sorry about the portal! I've emailed you a prepaid {carrier} label for the {product}. {sig}",
                 "an exchange is no problem – I've reserved the {product} in {size} for you. {sig}"}),
           list({"deine Rücksendung ist am {weekday} angekommen; die Erstattung von {amount} ist unterwegs. {sig}",
                 "sorry wegen des Portals! Ich habe dir ein {carrier}-Rücksendeetikett per Mail geschickt. {sig}"})};
    m_replies[int(Topic::Billing)] = {
        list({"you're right, we see the double charge on {order}. I've refunded {amount}; it can take a few days to "
              "show. {sig}",
              "I've sent the invoice with VAT to the email address on your account. {sig}",
              "the payment was only reserved, not charged – your bank will release it within 5 days. {sig}"}),
        list({"stimmt, wir sehen die doppelte Abbuchung bei {order}. {amount} sind erstattet, das kann ein paar Tage "
              "dauern. {sig}",
              "die Rechnung mit MwSt. ist an die Mailadresse deines Kontos raus. {sig}"})};
    m_replies[int(Topic::Product)] = {
        list({"the {product} has a fully taped membrane, so it's properly waterproof – Scotland approved {emoji} {sig}",
              "great question! I've asked our product team and will get back to you today. {sig}",
              "yes, the {product} is PFAS-free since this season. Care tips: 30°C, no fabric softener. {sig}",
              "it's expected back in stock in about {days} days – hit 'notify me' on the product page. {sig}",
              "spare parts are free for the {product} – DM us your address and we'll post a new buckle. {sig}"}),
        list({"{product} hat eine vollständig getapte Membran, also wirklich wasserdicht {emoji} {sig}",
              "gute Frage! Ich kläre das mit unserem Produktteam und melde mich heute noch. {sig}",
              "ja, {product} ist seit dieser Saison PFAS-frei. Pflege: 30 °C, kein Weichspüler. {sig}"})};
    m_replies[int(Topic::Sizing)]
        = {list({"the {product} runs true to size; if you're between sizes, go for the bigger one. {sig}",
                 "for wide feet we'd recommend {size} – the toe box is roomier than on the old model. {sig}",
                 "sorry about the broken link! I've sent you the size chart for the {product} by DM. {sig}"}),
           list({"{product} fällt normal aus; zwischen zwei Größen lieber die größere nehmen. {sig}",
                 "für breite Füße empfehlen wir {size}. {sig}"})};
    m_replies[int(Topic::Praise)] = {list({"this made our day! Thanks for sharing {emoji} {sig}",
                                           "love to hear it! Happy trails with your {product}. {sig}",
                                           "thank you! Passing this on to the team. {sig}"}),
                                     list({"das freut uns riesig! Danke fürs Teilen {emoji} {sig}",
                                           "wie schön! Weiterhin gute Touren mit {product}. {sig}"})};
    m_replies[int(Topic::Complaint)] = {
        list({"that's not the quality we stand for. Please DM us a photo and your order number and we'll replace it. "
              "{sig}",
              "sorry for the silence on {order} – that's on us. I've taken it over personally and will update you by "
              "{weekday}. {sig}",
              "that shouldn't happen. The {product} has a 2-year warranty; I've started a claim ({ticket}) for you. "
              "{sig}",
              "we've refunded the shipping fee for {order} and added a voucher ({code}) to your account. {sig}"}),
        list({"das tut uns wirklich leid. Schick uns bitte ein Foto und die Bestellnummer per DM, wir ersetzen es. "
              "{sig}",
              "sorry, dass {order} untergegangen ist – ich kümmere mich jetzt persönlich darum. {sig}",
              "{product} hat 2 Jahre Garantie; ich habe den Fall ({ticket}) für dich eröffnet. {sig}"})};
    m_replies[int(Topic::Bug)] = {
        list({"thanks for flagging! Our web team is on it ({ticket}). Meanwhile, checkout works in the app. {sig}",
              "sorry about that! Which app version do you have? We've reproduced a crash on Android and a fix is "
              "coming. {sig}",
              "I've triggered a new reset email manually – please check your spam folder too. {sig}"}),
        list({"danke für den Hinweis! Unser Webteam ist dran ({ticket}). Solange funktioniert der Checkout in der "
              "App. {sig}",
              "sorry! Welche App-Version hast du? Wir haben einen Absturz unter Android nachgestellt, ein Fix kommt. "
              "{sig}"})};
    m_replies[int(Topic::Feature)]
        = {list({"love this idea! I've passed it on to our product team. {sig}",
                 "you're not the first to ask – wide fits are on our list for next season {emoji} {sig}",
                 "thanks for the suggestion! No promises, but it's logged ({ticket}). {sig}"}),
           list({"tolle Idee! Ist an unser Produktteam weitergegeben. {sig}",
                 "das wünschen sich einige – weite Passformen stehen auf der Liste für nächste Saison {emoji} {sig}"})};
    m_replies[int(Topic::Launch)]
        = {list({"the {launch} goes live at 10:00 CET on launch day, online and in our {city} store. {sig}",
                 "it's 120 g lighter than the Trailblazer 2 and fully resoleable {emoji} {sig}",
                 "pre-orders ship in the first week after launch – you'll get tracking by email. {sig}"}),
           list({"der {launch} startet am Launch-Tag um 10:00 Uhr, online und im Store in {city}. {sig}",
                 "120 g leichter als der Trailblazer 2 und komplett neu besohlbar {emoji} {sig}"})};
    m_replies[int(Topic::Event)]
        = {list({"yes! Tickets for {event} are free, just register on our website. See you there {emoji} {sig}",
                 "there's a beginner hike every morning at 9:00 at {event}. {sig}",
                 "you can test the {launch} at our booth all weekend. {sig}"}),
           list({"ja! Tickets für {event} sind kostenlos, einfach auf der Website anmelden. {sig}",
                 "es gibt jeden Morgen um 9:00 Uhr eine Anfängertour bei {event}. {sig}"})};
    m_replies[int(Topic::Spam)] = m_replies[int(Topic::Praise)];

    m_addenda = {
        list({"order number is {order} btw", "forgot to say: it's the {colour} one in {size}", "(ordered on {weekday})",
              "sorry, typo above – I meant {order}", "photos of the {product} are in the thread below",
              "I'm in {city} if that matters", "it's for a trip on {weekday}, so a bit urgent {emoji}",
              "paid {amount} for it, by the way", "shipped with {carrier} if that helps"}),
        list({"Bestellnummer ist {order}", "ach ja: in {colour}, Größe {size}", "(bestellt am {weekday})",
              "bin übrigens in {city}", "ist etwas dringend, ich brauche es bis {weekday} {emoji}"})};
    m_followUps = {list({"here's the order number: {order}", "thanks, I sent you a DM with the details",
                         "still nothing from {carrier} today…", "ok, but when can I expect an answer?",
                         "I tried that, it didn't work. Any other idea?", "the tracking now says it's back in {city}?!",
                         "done, filled in the form. Now what?", "can you confirm you got my photos?"}),
                   list({"hier die Bestellnummer: {order}", "habe euch die Details per DM geschickt",
                         "heute immer noch nichts von {carrier}…", "hab ich probiert, klappt nicht. Andere Idee?",
                         "okay, und wann höre ich von euch?"})};
    m_thanks = {
        list({"perfect, thank you {agent}!", "that worked, thanks a lot {emoji}",
              "great, thanks for the quick help {agent}", "ok makes sense, cheers", "awesome, appreciate it {emoji}",
              "you're the best, {agent} {emoji}", "thanks, that's exactly what I needed", "super helpful, thank you!"}),
        list({"perfekt, danke {agent}!", "hat geklappt, vielen Dank!", "super, danke für die schnelle Hilfe {emoji}",
              "alles klar, danke euch", "top, danke {agent} {emoji}"})};
    m_topicThanks[int(Topic::Shipping)]
        = {list({"received it today, all good {emoji}", "{carrier} finally delivered, thanks {agent}",
                 "the {product} just arrived in {city}, thank you!"}),
           list({"heute angekommen, alles gut {emoji}", "{carrier} hat endlich geliefert, danke {agent}"})};
    m_topicThanks[int(Topic::Order)] = {list({"got the new confirmation for {order}, all good"}),
                                        list({"Bestätigung für {order} ist da, alles gut"})};
    m_topicThanks[int(Topic::Returns)]
        = {list({"refund of {amount} arrived, thanks!", "label worked, parcel is on its way"}),
           list({"Erstattung über {amount} ist da, danke!"})};
    m_topicThanks[int(Topic::Billing)] = m_topicThanks[int(Topic::Returns)];
    m_topicThanks[int(Topic::Sizing)]
        = {list({"thanks, I'll go with {size} then {emoji}"}), list({"danke, dann nehme ich {size} {emoji}"})};
    m_topicThanks[int(Topic::Product)] = {list({"great, just ordered the {product} in {colour}!"}),
                                          list({"super, habe {product} in {colour} bestellt!"})};
    m_topicThanks[int(Topic::Complaint)]
        = {list({"ok, thanks for sorting it out {agent}", "replacement arrived, thanks"}),
           list({"ok, danke fürs Kümmern {agent}", "Ersatz ist angekommen, danke"})};
    m_agentFollowUps
        = {list({"thanks, {name}! Got it – checking with the warehouse now. {sig}",
                 "thanks for the details. I've escalated it to {carrier} ({ticket}) and will update you by {weekday}. "
                 "{sig}",
                 "got your photos, thanks. A replacement {product} is on its way. {sig}",
                 "sorry that didn't work – could you log out, clear the cache and try once more? {sig}"}),
           list({"danke, {name}! Ich kläre das jetzt mit dem Lager. {sig}",
                 "danke für die Infos, ich habe das an {carrier} eskaliert ({ticket}). {sig}",
                 "Fotos sind angekommen, danke. Ersatz ist unterwegs. {sig}"})};
    m_closingReplies
        = {list({"glad it worked out, {name}! {emoji} {sig}", "you're welcome! Enjoy the {product}. {sig}",
                 "happy to help – have a great trip! {sig}"}),
           list({"freut uns, dass es geklappt hat, {name}! {sig}", "gerne! Viel Spaß mit {product}. {sig}"})};

    m_notes = {
        list({"{mention} can you double-check {order} in the warehouse system?",
              "Repeat customer, third order this year – let's be generous.",
              "Offered a 15% voucher ({code}), {mention} please confirm that's ok.",
              "Same issue as last week's {carrier} delay around {city}.",
              "Customer also emailed support, ticket {ticket}. Keep the answers consistent. {mention}",
              "{mention} FYI – this might be the checkout bug again.",
              "Waiting for {carrier} to get back to us ({ticket}).",
              "Checked: the parcel left the warehouse on {weekday}.", "Tone is tense, let's answer quickly. {mention}",
              "Logged for the product team: {product}, {colour}, {size}."}),
        list({"{mention} kannst du bitte im Lager nach {order} schauen?", "Stammkunde, bitte kulant sein. {mention}",
              "{mention} Gutschein {code} ok für dich?", "Nachforschung bei {carrier} läuft ({ticket}).",
              "Gleiches Problem wie letzte Woche in {city}, {mention} weißt du mehr?"})};
    m_escalations = {list({"{mention} could you take this one? It needs product knowledge about the {product}.",
                           "{mention} handing over to you – a refund of {amount} needs your OK.",
                           "{mention} can you check with logistics? Parcel {order} seems lost.",
                           "{mention} this is a warranty case for the {product}, please take over."}),
                     list({"{mention} kannst du das übernehmen? Braucht Produktwissen zu {product}.",
                           "{mention} Erstattung über {amount}, bitte du entscheiden.",
                           "{mention} kannst du bei der Logistik nachfragen? {order} scheint verloren."})};

    m_replyRejections = list({"Please don't promise a delivery date – say we're checking with the carrier.",
                              "Too casual for a complaint, please add an apology first.",
                              "Add the link to the returns portal, then it's good to go.",
                              "Let's not mention the voucher publicly – move that part to a DM.",
                              "Double-check the product name and the order number, please."});
    m_postRejections
        = list({"Image alt text is missing.", "Let's wait for the final launch date before announcing.",
                "Too many hashtags for Bluesky, please trim.", "Please align the wording with the press release."});
}

} // namespace sb::demo
