#include "domain/Enums.h"

#include <QSet>

#include <gtest/gtest.h>

// Keys are what the database stores: each must be unique and parse back to its value.
template<typename E, std::size_t N> void expectRoundTrip(const std::array<E, N>& all)
{
    QSet<QString> keys;
    for (E v : all) {
        const QString key = yg::toKey(v);
        EXPECT_FALSE(keys.contains(key)) << key.toStdString();
        keys.insert(key);
        EXPECT_EQ(yg::fromKey<E>(key), v) << key.toStdString();
        EXPECT_FALSE(yg::displayName(v).isEmpty());
    }
    EXPECT_FALSE(yg::fromKey<E>(QStringLiteral("no-such-key")).has_value());
}

TEST(Enums, KeysRoundTrip)
{
    expectRoundTrip(yg::kAllRoles);
    expectRoundTrip(yg::kAllUnionStatuses);
    expectRoundTrip(yg::kAllVisitKinds);
    expectRoundTrip(yg::kAllCheckStates);
    expectRoundTrip(yg::kAllCheckItems);
    expectRoundTrip(yg::kAllStages);
    expectRoundTrip(yg::kAllOutcomes);
}

TEST(Enums, StoredKeysMatchTheSchema)
{
    EXPECT_EQ(yg::toKey(yg::Stage::FollowUp), QStringLiteral("follow_up"));
    EXPECT_EQ(yg::toKey(yg::Outcome::None), QString());
    EXPECT_EQ(yg::toKey(yg::VisitKind::PolicyBriefing), QStringLiteral("policy_briefing"));
}
