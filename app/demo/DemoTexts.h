#pragma once

#include "demo/DemoRandom.h"

#include <QString>

#include <array>
#include <vector>

namespace sb::demo {

// What a customer writes about. Each topic has its own tag, team and wording.
enum class Topic {
    Shipping,
    Order,
    Returns,
    Billing,
    Product,
    Sizing,
    Praise,
    Complaint,
    Bug,
    Feature,
    Launch,
    Event,
    Spam,
};
constexpr int kTopicCount = int(Topic::Spam) + 1;

QString topicTag(Topic topic);

// The facts one conversation talks about, drawn once so every message in a thread names the same order, product
// and people. Strings are filled in by the simulation; indexes pick from the word lists.
struct TextContext {
    bool german = false;
    int product = 0;
    int colour = 0;
    int size = 0;
    int city = 0;
    int carrier = 0;
    int days = 5;
    int weekday = 1;
    quint32 order = 0;
    int amountCents = 0;
    QString brand; // the brand account as customers mention it, e.g. "@northwind"
    QString name; // the customer's first name
    QString agent; // first name of the employee writing
    QString initials; // their signature initials
    QString colleague; // first name of a colleague a note mentions

    static TextContext draw(Random &rng, bool german);
};

// Word lists and message templates, English and German. Templates name facts in braces ("{order}"); fill() puts
// the conversation's facts in, and mixing openers, bodies and closers keeps a million messages from repeating.
class TextBank {
public:
    static const TextBank &instance();

    QString customerOpening(Topic topic, const TextContext &ctx, Random &rng) const;
    // A second message sent right after the first ("order number is ...").
    QString customerAddendum(Topic topic, const TextContext &ctx, Random &rng) const;
    // The customer's next turn after the team answered; `satisfied` when it is their last word.
    QString customerFollowUp(Topic topic, bool satisfied, const TextContext &ctx, Random &rng) const;
    QString agentReply(Topic topic, int turn, bool closing, const TextContext &ctx, Random &rng) const;
    QString note(Topic topic, bool escalation, const TextContext &ctx, Random &rng) const;
    QString replyRejection(Random &rng) const;
    QString postRejection(Random &rng) const;

    QString fill(const QString &tpl, const TextContext &ctx, Random &rng) const;

    const std::vector<QString> &products() const { return m_products; }
    const std::vector<QString> &firstNames() const { return m_firstNames; }
    const std::vector<QString> &lastNames() const { return m_lastNames; }
    const std::vector<QString> &mastodonInstances() const { return m_instances; }

private:
    TextBank();

    struct Lines {
        std::vector<QString> en;
        std::vector<QString> de;
        const std::vector<QString> &in(bool german) const { return german && !de.empty() ? de : en; }
    };
    QString pickFilled(const Lines &lines, const TextContext &ctx, Random &rng) const;

    std::array<Lines, kTopicCount> m_openings;
    std::array<Lines, kTopicCount> m_replies;
    std::array<Lines, kTopicCount> m_topicThanks; // empty where only the general thank-yous fit
    Lines m_greetings, m_closers, m_addenda, m_followUps, m_thanks;
    Lines m_replyOpeners, m_apologies, m_agentFollowUps, m_closingReplies;
    Lines m_notes, m_escalations, m_colours, m_weekdays;
    std::vector<QString> m_products, m_cities, m_carriers, m_sizes, m_emoji;
    std::vector<QString> m_firstNames, m_lastNames, m_instances;
    std::vector<QString> m_replyRejections, m_postRejections;
};

} // namespace sb::demo
