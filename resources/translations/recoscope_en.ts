<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Demographics</name>
    <message>
        <source>under 18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18–24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>25–34</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>35–44</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>45–54</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>55 and over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>band %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplainedEntry</name>
    <message>
        <source>No score of its own: this item fills the slate (or was picked at random); its internal score %1 only keeps the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The core&apos;s score when the slate was served.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The core&apos;s score when the slate was served, as its explanation prints it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(explanation not kept: this slate was served before you followed the shopper)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Picked %2 for a slate diversified by maximal marginal relevance (lambda %3) from place %4 of the inner answer; score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Relevance from place %2 of %3: %4 (in stock, not on promotion) = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Relevance from place %2 of %3: %4 + promotion boost %5 (%6 off) = score %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Shown to you %2 times today (cap %3); place %4 of %5, kept in order: score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fills the slate as a popular choice right now (recent interaction score %2): this strategy had no candidate of its own left for this place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fills the slate: no interactions point to it yet, so it is shown to explore the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fills the slate: no shopper has interacted with it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions. Score: your factors . its factors %4 + item bias %5 = %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions. Score: your factors . its factors %4 + viewed product&apos;s factors x %5 . its factors %6 + item bias %7 = %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions. Score: your factors . its factors %4 + viewed product&apos;s factors x %5 . its factors %6 = %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions. Score: your factors . its factors %4 = %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions; its latent factors are closest to %4 (cosine %5). Score: your factors . its factors %6 + item bias %7 = %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions; its latent factors are closest to %4 (cosine %5). Score: your factors . its factors %6 + viewed product&apos;s factors x %7 . its factors %8 + item bias %9 = %10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions; its latent factors are closest to %4 (cosine %5). Score: your factors . its factors %6 + viewed product&apos;s factors x %7 . its factors %8 = %9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions; its latent factors are closest to %4 (cosine %5). Score: your factors . its factors %6 = %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an expected click score of %2 from its department, price band, discount, popularity and click-through rate and your interest in its category, its brand and the item itself (LinUCB), plus an exploration bonus of %3: score %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no interactions yet: weighted interaction score %2 (view %3, favourite %4, cart %5, purchase %6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no interactions yet: weighted interaction score %2 (view %3, favourite %4, cart %5, purchase %6; each interaction halves every %7 h of age, counted at the core&apos;s reference time, hour %8; as of now it is worth %9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a likely next step after your session&apos;s last %2 items, ending with %3 (a recurrent network trained on %4 session steps): match with the session state %5 + item bias %6 = score %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a popular fallback (interaction weight %2): nothing you interacted with has been bought or viewed together with it yet, and its score only keeps the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is among the most popular items: weighted interaction score %2 (view %3, favourite %4, cart %5, purchase %6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is among the most popular items: weighted interaction score %2 (view %3, favourite %4, cart %5, purchase %6; each interaction halves every %7 h of age, counted at the core&apos;s reference time, hour %8; as of now it is worth %9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is among your highest true utilities in the simulator (%2): a best-case bound, not a learnt choice. Score %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is among your lowest true utilities in the simulator (%2): a worst-case bound, not a learnt choice. Score = minus the utility = %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in this shop&apos;s catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is one of your recent items; score %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is popular with shoppers like you (age band %2): segment interest score %3 + %4 from shop-wide popularity (shrinkage %5) = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is popular with shoppers like you (age band %2, gender %3): segment interest score %4 + %5 from shop-wide popularity (shrinkage %6) = score %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is popular with shoppers like you (age band %2, gender %3, region %4): segment interest score %5 + %6 from shop-wide popularity (shrinkage %7) = score %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is popular with shoppers like you (occupation group %2): segment interest score %3 + %4 from shop-wide popularity (shrinkage %5) = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the likely next step of your browsing sequence, which focuses on %2 (attention weight %3 over the last %4 items): match with the sequence %5 + item bias %6 = score %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the likely next step of your recent %2 items; the self-attention focuses on %3 (weight %4): match with the sequence %5 + item bias %6 = score %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is trending in %2: recent activity %3 against a baseline of %4 gives a trend of %5 squared / (%6 + prior %7) = %8; score %9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is trending in %2: recent activity %3 against a baseline of %4 gives a trend of %5 squared / (%6 + prior %7) = %8; your share of interest in its department, %9, adds x%10 of it: %11; score %12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in %2 (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in %2, like the product you are looking at (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in &apos;%2&apos; (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in &apos;%2&apos;, like the product you are looking at (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in brand %2 (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in brand %2, like the product you are looking at (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in budget items (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in budget items, like the product you are looking at (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in low-priced items (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in low-priced items, like the product you are looking at (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in mid-priced items (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in mid-priced items, like the product you are looking at (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in premium items (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in premium items, like the product you are looking at (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in the %2 department (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in the %2 department, like the product you are looking at (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in upper mid-priced items (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches your interest in upper mid-priced items, like the product you are looking at (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recent shopping session similar to yours also included %2: session similarity %3 = summed similarity %4, the score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recent shopping sessions similar to yours also included %2: session similarity %3 + %4 + %5 + %6 (the others) = summed similarity %7, the score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recent shopping sessions similar to yours also included %2: session similarity %3 + %4 + %5 = summed similarity %6, the score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recent shopping sessions similar to yours also included %2: session similarity %3 + %4 = summed similarity %5, the score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scores %2 in the wide &amp; deep model: %3 from crossed features (your profile and last category with its category) + %4 from the deep network over %5 training samples + global bias %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scores high in the neural model (embeddings + %2-unit MLP) trained on %3 of your interactions and %4 training samples overall: matrix-factorisation part %5 + MLP part %6 + item bias %7 = logit %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shares no feature with your profile: profile match %2 + popularity prior %3 = score %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shopper with tastes like yours chose %2: shopper %3 (Pearson correlation %4) with weight %5: %6. Score %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shopper with tastes like yours chose %2: shopper %3 (cosine similarity %4) with weight %5: %6. Score %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (Pearson correlation %4) with weight %5: %6. Score %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (Pearson correlation %4) with weight %5: %6; shopper %7 (Pearson correlation %8) with weight %9: %10. Score %11.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (Pearson correlation %4) with weight %5: %6; shopper %7 (Pearson correlation %8) with weight %9: %10; the others %11. Score %12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (cosine similarity %4) with weight %5: %6. Score %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (cosine similarity %4) with weight %5: %6; shopper %7 (cosine similarity %8) with weight %9: %10. Score %11.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (cosine similarity %4) with weight %5: %6; shopper %7 (cosine similarity %8) with weight %9: %10; the others %11. Score %12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was clicked %2 times in %3 examined showings (estimated click-through rate %4); Thompson sampling drew a plausible click-through rate of %5 for it from Beta(%6, %7), the score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was clicked %2 times in %3 examined showings: estimated click-through rate %4 + UCB1 optimism bonus for items shown rarely %5 = score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was clicked %2 times in %3 examined showings; epsilon-greedy shows the best estimated rates and explores at random with probability %4. Score: estimated click-through rate %5 (with the Beta prior).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was clicked %2 times in %3 examined showings; this place was explored: with probability %4 a place shows a random item instead of the best estimated rate. Score: estimated click-through rate %5 (with the Beta prior).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not in the last slate this core served, so it has no explanation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was ranked with score %2 although none of your items co-occurs with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After %1, shoppers went on to %2 %3 times (%4 of %5 next steps) x weight %6 = %7. Score %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After %1, shoppers went on to %2 %3 times (%4 of %5 next steps) x weight %6 = %7; after %8, shoppers went on to %9 %10 times (%11 of %12 next steps) x weight %13 = %14. Score %15.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blend of the cores&apos; rankings: %1 places it %2 of %3 (weight %4): %5 + %6 places it %7 of %8 (weight %9): %10 + %11 places it %12 of %13 (weight %14): %15 = blend score %16, mostly from %17: %18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blend of the cores&apos; rankings: %1 places it %2 of %3 (weight %4): %5 + %6 places it %7 of %8 (weight %9): %10 = blend score %11, mostly from %12: %13</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blend of the cores&apos; rankings: %1 places it %2 of %3 (weight %4): %5 = blend score %6, mostly from %7: %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item %1 was chosen by this strategy&apos;s scoring (score %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked uniformly at random among the %1 available items; %2 carries no learned preference (its score only keeps the order).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 (the product you are looking at) also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5. Score %6, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 (the product you are looking at) also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6: co-occurrence similarity %7 x seed weight %8 = %9. Score %10, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 (the product you are looking at) also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6: co-occurrence similarity %7 x seed weight %8 = %9; plus %10 from %11 more of your items. Score %12, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5. Score %6, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6 (the product you are looking at): co-occurrence similarity %7 x seed weight %8 = %9. Score %10, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6 (the product you are looking at): co-occurrence similarity %7 x seed weight %8 = %9; plus %10 from %11 more of your items. Score %12, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6: co-occurrence similarity %7 x seed weight %8 = %9. Score %10, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6: co-occurrence similarity %7 x seed weight %8 = %9; plus %10 from %11 more of your items. Score %12, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You bought %1 %2 hours ago; time to buy it again? Its weight %3 x recency %4 = %5, plus %6 from %7 earlier interactions with it; score %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You bought %1 %2 hours ago; time to buy it again? Its weight %3 x recency %4 = %5; score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You looked at %1 %2 hours ago. Its weight %3 x recency %4 = %5, plus %6 from %7 earlier interactions with it; score %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You looked at %1 %2 hours ago. Its weight %3 x recency %4 = %5; score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You put in your cart %1 %2 hours ago. Its weight %3 x recency %4 = %5, plus %6 from %7 earlier interactions with it; score %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You put in your cart %1 %2 hours ago. Its weight %3 x recency %4 = %5; score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You saved %1 %2 hours ago. Its weight %3 x recency %4 = %5, plus %6 from %7 earlier interactions with it; score %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You saved %1 %2 hours ago. Its weight %3 x recency %4 = %5; score %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1, because we know a little about you] Place %2 of %3 in %4&apos;s answer, kept in order (switch score %5): %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1, because you are new here] Place %2 of %3 in %4&apos;s answer, kept in order (switch score %5): %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1, because your history is rich enough for collaborative filtering] Place %2 of %3 in %4&apos;s answer, kept in order (switch score %5): %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Kept at place %2 of %3; a head item, item ranked %4 by its %5 interactions; the head is the first %6 items, holding %7 of %8 interactions; at least %9 places go to the long tail; score: answer size - place, %10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Kept at place %2 of %3; a long-tail item, item ranked %4 by its %5 interactions; the head is the first %6 items, holding %7 of %8 interactions; at least %9 places go to the long tail; score: answer size - place, %10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Promoted from place %2 of %3; a long-tail item, item ranked %4 by its %5 interactions; the head is the first %6 items, holding %7 of %8 interactions; at least %9 places go to the long tail; score: answer size - place, %10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the inner answer: it is added as the item ranked %2 by its %3 interactions; the head is the first %4 items, holding %5 of %6 interactions; at least %7 places go to the long tail; score: minus its order among such additions, %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Relevance from place %2: %3 (stock unlimited or unknown: not demoted) = score %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Relevance from place %2: %3; %4 in stock at %5 a day: %6 days of cover (horizon %7 days), demoted by %8 = score %9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Relevance from place %2: %3; %4 in stock at %5 a day: no sale forecast (horizon %6 days), demoted by %7 = score %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Relevance from place %2 of %3: %4 (no group term: your group is served at least as well as all shoppers, or too few of its slates were seen yet) = score %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Relevance from place %2 of %3: %4 + your group&apos;s term %5 (your group&apos;s CTR %6 against %7 gives weight %8; your group clicks this item %9 times its average) = score %10.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>Click-through rate (CTR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversion rate (CVR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gini of exposure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommend latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gini (0 = equal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>µs (p50 dotted, p95 solid, p99 dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks on recommended items divided by recommended impressions, over a moving window of the last buckets. The band is a 95 % confidence interval (normal approximation of a binomial proportion).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases attributed to a recommendation click divided by clicks on recommended items, over the moving window, with a 95 % band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of prices paid over all purchases since the start of the run (recommended or not), in the shop&apos;s currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the launched catalogue recommended at least once so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gini coefficient of cumulative impressions over launched items: 0 when every item is shown equally often, close to 1 when a few items take all the exposure (popularity bias).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall-clock duration of the core&apos;s recommend() call per request: median (p50, dotted), 95th (solid) and 99th percentile (dashed) within each bucket. Not part of the deterministic results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behavioural events: views, clicks, searches, favourites, cart changes and purchases (impressions are not events).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopper visits started so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items shown in recommendation slates (slates served × items per slate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks on items of a recommendation slate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items added to a wish-list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units added to a cart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units bought, recommended or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95th percentile of the wall-clock duration of recommend() over the whole run, in microseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New shopper (first two visits, no purchase yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser (visits but never bought)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champion (3+ purchases, bought in the last 3 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active buyer (bought in the last 3 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk (no purchase for more than 3 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add to cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove from cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>home feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cart page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>surface %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hit rate (HR@k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean reciprocal rank (MRR@k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NDCG@k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item coverage of the lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prequential replay of a real log: share of scored events whose item was in the core&apos;s top k, asked just before the event, over the moving window of buckets, with a 95 % band (normal approximation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of 1 / rank of the item the user actually chose (0 when it was not in the top k), over the moving window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of 1 / log2(rank + 1) of the chosen item (0 outside the top k), over the moving window; one relevant item per event, so the ideal DCG is 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the log&apos;s items recommended at least once so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR@k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRR@k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gini of lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of the target kinds whose user and item had been seen before: the core was asked to rank before each of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gini index of how often each item of the log was recommended, zeros included (RecBole&apos;s giniindex).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PythonCoreDialog</name>
    <message>
        <source>Add Python core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 defines no class. A Python core is a class with a recommend(request) method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class to run as a core:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python core not loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recommender</name>
    <message>
        <source>Uniformly random available items: the floor every learning core must beat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most interacted-with items (view 1, favourite 2, cart 3, purchase 5), optionally time-decayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items whose recent activity outpaces their baseline, weighted by the shopper&apos;s categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shopper&apos;s own recently viewed, carted and bought items (re-view and re-buy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Popularity within the shopper&apos;s demographic segment: the new-user answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers with similar behaviour (cosine or Pearson), found incrementally through shared items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session-kNN: items of past sessions most similar to the running one (recency-weighted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-order Markov chain: what shoppers looked at next after the current item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online matrix factorisation: one SGD step per event, with sampled negatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bayesian personalised ranking: pairwise SGD on (bought/viewed, sampled) item pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implicit ALS, retrained periodically, folding in new users between retrains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neural collaborative filtering: embeddings + MLP (NeuMF), trained online in mini-batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epsilon-greedy bandit over items: best observed CTRs, random exploration per slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UCB1 bandit over items: observed CTR plus an optimism bonus for rarely shown items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thompson sampling over items with Beta-Bernoulli click models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinUCB: contextual bandit over item features and the shopper&apos;s category interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching hybrid: demographic for new shoppers, then content, then collaborative filtering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted blend of any registered cores by rank (e.g. itemknn:0.5,content:0.3,popularity:0.2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-ranker: diversifies any core&apos;s slate by maximal marginal relevance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-ranker: never shows an item to a shopper more than N times a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-ranker: business rules on any core (drop out-of-stock, boost promoted items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper bound: the items with the highest true utility for the shopper (reads the simulator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower bound: the items with the lowest true utility for the shopper (reads the simulator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GRU4Rec: a recurrent network (GRU) over the shopper&apos;s session predicts the next item; trained online with a softmax over sampled negatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SASRec: a self-attention block (learned positions, projections, feed-forward) over the shopper&apos;s recent items predicts the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wide &amp; Deep: a linear model over crossed features (demographics, surface, last category x category) plus an MLP over embeddings, trained jointly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item-item co-occurrence similarity co/sqrt(n_i n_j) in shoppers&apos; recent histories, learnt online (also-bought)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention-lite: the latest item attends over the shopper&apos;s recent items (one head, no projections or positions) to predict the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-ranker: reserves a share of each slate for long-tail items (an exposure floor for the catalogue&apos;s tail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-ranker: demotes items forecast to sell out within a horizon of days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-ranker: narrows the CTR gap between groups of shoppers by re-ranking the slates of worse-served groups with what their group clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TF-IDF of titles and tags plus category, brand and price band, matched to a decayed profile (seeded from the signup questionnaire&apos;s stated categories)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommenderFamily</name>
    <message>
        <source>baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demographic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neighbourhood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>factorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neural</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bandit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hybrid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-ranker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external cores</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommenderParam</name>
    <message>
        <source>Half-life of an interaction&apos;s weight in simulated hours; 0 = no decay (all-time counts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-life of the &apos;recent activity&apos; count (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-life of the baseline count (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damping added to the baseline so a few views are not a trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the shopper&apos;s share of interest in a top category boosts its items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions remembered per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-life of an interaction&apos;s pull (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplier of purchases (0 = never suggest re-buying)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strongest features kept in each user&apos;s profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-life of an interaction in the profile (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of category/brand/price features against words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the viewed product on product pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the popularity prior among matching items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demographic key that defines a segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudo-interactions pulling a segment towards global popularity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-life of an interaction (hours); 0 = no decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent interactions per user that a new interaction co-occurs with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-occurrence slots kept per item (bounds memory; weakest replaced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similarity between behaviour vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most similar shoppers whose choices are used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strongest items kept per shopper&apos;s behaviour vector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent shoppers remembered per item (candidate neighbours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactivity that ends a session (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest distinct items kept per session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent sessions remembered per item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most similar past sessions used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest gap between two steps of a transition (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next-item slots kept per item (weakest replaced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the item before the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latent dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD step size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 penalty on factors and biases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative items sampled per positive event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent positives of the same user trained again per event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the viewed product&apos;s factors on product pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative items sampled per positive (pairs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence growth per unit of implicit weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events between full retrains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALS sweeps per retrain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strongest items kept per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding size of users and items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units of the MLP&apos;s hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples per mini-batch update of the shared weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampled negative items per positive event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent items the model attends over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampled negative items per event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items older than this leave the sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability that a slot shows a random item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beta prior: pseudo-clicks of an unseen item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beta prior: pseudo-skips of an unseen item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale c of the confidence bonus c*sqrt(2 ln N / n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of the upper confidence bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ridge regularisation (A starts as ridge * I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slates between two solves of the ridge regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core for shoppers with fewer than warm_after interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core for shoppers between warm_after and hot_after, and for new products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core once a shopper has hot_after interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions after which the warm core answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions after which the hot core answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent interactions a viewed product needs before the hot core may answer for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cores and weights, &apos;id:weight&apos; separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates asked from each core, as a multiple of k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id of the core whose slates are re-ranked (built with its defaults)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates asked from the inner core, as a multiple of k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relevance against diversity (1 = inner order kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most times an item is shown to one user per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount from which an item counts as promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relevance added to promoted items (rank-based, 0..1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest session items the GRU runs over (and back-propagates through)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item embedding size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units of the GRU&apos;s state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampled negative items in the softmax of each event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items older than this leave the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent items the block attends over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item and position embedding size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units of the feed-forward layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding size of every field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units of the MLP&apos;s first layer (the second has half as many)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples per mini-batch update of the MLP&apos;s weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashed slots of the wide part: 2^bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the top items are found: exact scan of every item, approximate (HNSW) candidates re-scored exactly, or auto (exact below 200,000 items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search width of the approximate index: higher finds more of the exact top items, slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Least share of each slate&apos;s places given to long-tail items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of all interactions held by the short head (the rest is the long tail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items with fewer days of cover than this are demoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relevance taken from an item about to sell out (rank-based, 0..1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing weight of the newest day in the daily sales forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which groups of shoppers to even out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the group&apos;s clicks per unit of its CTR shortfall (0 = inner order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lift: only groups served worse than average are re-ranked; level: groups served better also lose the items they click most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile weight of each category a new shopper stated at signup (onboarding questionnaire); 0 = ignore the answers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommenderParamName</name>
    <message>
        <source>half_life_hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short_half_life_hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long_half_life_hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prior</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category_weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rebuy_weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile_size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attribute_weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context_weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>popularity_weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shrinkage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neighbours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item_users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session_gap_minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session_length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item_sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>successors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second_order_weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning_rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regularisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrain_events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ffn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wide_bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prior_clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prior_skips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exploration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warm_after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hot_after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item_hot_after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lambda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min_discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrieval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ann_ef</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head_mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>horizon_days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stated_weight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunExporter</name>
    <message>
        <source>No run store is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation type="unfinished">
            <numerusform>Exported %n file to %1</numerusform>
            <numerusform>Exported %n files to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScenarioChoice</name>
    <message>
        <source>position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cascade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uplift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price_sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>categories</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioField</name>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated days the run covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric bucket (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slate size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden taste dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the hidden user and item vectors the shoppers act on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subcategories per top category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brands per category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median list price; prices are log-normal around it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Popularity long tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category coherence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity skew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demographic signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-click utility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in lists and stored with runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One paragraph shown in the workbench and by list-scenarios.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s random seed: the same scenario, seed and core give the same events. The command line&apos;s --seed overrides it; every random stream derives from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of a metrics bucket in simulated hours: one chart point and one stored sample per bucket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items per recommendation slate (k).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The items: categories, brands, prices, stock and discounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shoppers: how many, how active, their demographics and tastes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How shoppers visit, look at slates, click, buy and leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dated events: promotions, launches, cohorts, stock shocks and seasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items of the base catalogue; timeline launches add more, 2,000,000 in all at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-level departments of the category tree (the first 18 have names: Kitchen, Fashion, Electronics, Books, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second-level categories under each department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaves per subcategory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: a two-level tree (items sit in subcategories); n &gt;= 1: a three-level tree with n leaves under each subcategory. The tree has at most 200,000 categories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category size skew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zipf exponent of leaf category sizes (0 = equal sizes; larger = a longer tail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brands per leaf category (at most 2,000,000 brands in all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log-normal spread of prices within a category (each category also has its own price level, spread 0.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags per item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title and tag words per item, drawn from its department&apos;s vocabulary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary per department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words in each department&apos;s vocabulary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread of the items&apos; hidden intrinsic appeal: larger means a longer tail of popularity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much an item&apos;s hidden vector follows its category (0 = none, 1 = entirely); tags and brand follow it too, so content-based cores have a signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the base catalogue that launches during the run, at uniform random times (new-item cold start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean initial stock per item (log-normal, at least 1); 0 means unlimited stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restock delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean days from a stock-out to the restock; each item draws its own lead time (exponential) and is restocked to its initial stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounted share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of items with a standing discount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing discounts are uniform between 0.05 and this value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumable share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of consumables, bought again after behaviour.consumable_cycle_days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successors per item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden successor (complement) items per item, mostly from a sibling category: what a shopper tends to look at next. The sequence signal session-based cores learn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers at the start; timeline cohorts add more, 2,000,000 in all at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto shape of activity (relative visit rate), truncated at 100 times the least active: smaller means a few very active shoppers and many rare ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights of the age bands under 18, 18-24, 25-34, 35-44, 45-54 and 55 or over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights of female, male and other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights of student, employee, self-employed, manager, retired and other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One weight per region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of a shopper&apos;s hidden taste explained by their demographic groups: how much signal demographic cold-start strategies have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price sensitivity spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log-normal spread (mean 1) of each shopper&apos;s price-sensitivity multiplier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand loyalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean utility bonus (exponential per shopper) for brands the shopper bought before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Habit strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strongly shoppers keep to their favourite hour of day (drawn from behaviour.hourly): 0 = any hour, 1 = only around it (within 3 hours).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected visits per day of the initial population at the start; cohorts add theirs, satisfaction and churn move it during the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative visit rate for each of the 24 hours of the day, 0:00 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative visit rate for each day of the week, Monday first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start surfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where a visit starts: home feed, search, a product page (from outside), the cart or order page (suggestions for the last purchase).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position p of a slate is examined with weight bias^p (1 = no position bias); in cascade mode, the probability to go on to the next position.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position: a multinomial logit over the slate plus a no-click option, position p weighted by position_bias^p. cascade: scan from the top, click with the logistic of (utility - no_click_utility), stop at the first click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility of not clicking, the outside option every decision compares against: higher means fewer clicks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affinity weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the hidden user-item affinity in the utility (scaled by the square root of latent_dim, so it means the same in any dimension).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility lost per unit of log(price / median price), times the shopper&apos;s own multiplier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility per unit of current discount (30 % off adds 0.3 times this).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability that a visit goes on after each step (geometric visit length, mean 1/(1-p) steps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organic move probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability that a step without a click becomes an organic move (successor, search or browse) instead of going back home.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability that an organic move follows one of the current item&apos;s hidden successors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence boost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility bonus of the current item&apos;s successors in a slate (what the shopper wants next).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item fatigue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility lost per remembered impression of the same item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category fatigue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility lost per remembered impression of the same leaf category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fatigue half-life</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fatigue halves every this many simulated hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fatigue memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impressions remembered per shopper (8 bytes each per shopper).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repurchase penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility lost by an item the shopper bought (one of their last four purchases).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumable cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For consumables the repurchase penalty fades to 0 over this many days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of organic browses drawn to promoted items while a promotion runs (the banner effect).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logistic offset: P(favourite) = logistic(surplus + offset), where surplus = utility - no_click_utility.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add-to-cart offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logistic offset: P(add to cart) = logistic(surplus + offset).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the end of the visit, P(buy a carted item) = logistic(surplus / 2 + offset); otherwise the cart line is abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cart removal probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability that a cart line is taken out before checkout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean simulated seconds between two steps of a visit (exponential).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visit with a click or a purchase moves the shopper&apos;s return weight this share of the way to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visit with two or more slates and no click lowers the return weight by this share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churn probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After such a bad visit the shopper leaves for good with this probability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regret sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of slates whose regret against the best possible slate is measured (each costs one pass over the catalogue).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demand forecast from the sales and the warnings it gives: items about to sell out, overstocked items. Reading only: the shop is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning horizon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn about an item when its stock covers at most this many days of forecast sales; 0 switches the warnings off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overstock beyond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An item in stock with more days of cover than this (or no sale forecast) counts as overstocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the newest day in the exponentially smoothed daily sales (1 = yesterday&apos;s sales only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personalised coupons at checkout: who gets one, the discount, the daily budget and the margin the report assumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy per surface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A core of its own for any surface, as &quot;ID KEY=VALUE ...&quot; (e.g. &quot;itemknn neighbours=20&quot; or &quot;mmr inner=itemknn lambda=0.5&quot;); empty: the run&apos;s main core serves it. Every core learns from every event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home feed core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core of the home feed; empty: the main core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search page core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core of the slates beside search results; empty: the main core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product page core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core of &quot;related / also bought&quot; on product pages; empty: the main core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cart page core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core of &quot;complete your order&quot; on the cart page (accessories, consumables); empty: the main core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who gets a coupon on a cart line at checkout. none: nobody. everyone: every line, while the budget lasts. uplift: lines whose predicted uplift (a two-model learner trained on the run&apos;s own checkouts) reaches min_uplift, plus an exploration share given or denied at random. price_sensitive: shoppers whose cart lines so far average below the median price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coupon discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the line&apos;s price the coupon takes off. It raises the shopper&apos;s utility by their price-sensitivity multiplier x (discount_weight x discount - price_sensitivity x ln(1 - discount)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coupons per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget: coupons issued per simulated day at most (0 = no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget: discount money paid on redeemed coupons per simulated day at most (0 = no limit). A coupon is only issued if its whole discount still fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assumed gross margin as a share of the price before the coupon (the catalogue has no costs); the report&apos;s margin after discount uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exploration share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uplift policy: share of checkout lines given or denied a coupon at random (half each), so that the learner sees both outcomes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum uplift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uplift policy: a coupon is given when the predicted rise in the purchase probability reaches this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the cores may see: pseudonymised user ids, no demographics, and only noisy daily counts (differential privacy with a budget per day).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonymise users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on: cores see every user id through a permutation keyed by the run&apos;s seed. Ids stay consistent within a run, so cores still learn, but cannot be joined with the shop&apos;s own ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withhold demographics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on: the user table the cores get has age band, gender, occupation and region unknown for everyone; the demographic core falls back to shop-wide popularity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy budget per day (epsilon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differential privacy: 0 = off. Otherwise cores never see an event; they learn only from per-item event counts, each user&apos;s events capped per day, released with Laplace noise (scale cap / epsilon of the release). Smaller epsilon: more noise, more privacy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the noisy counts are released to the cores; each release covers 24 / releases hours and spends its own epsilon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epsilon per release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget one release spends; 0 = the day&apos;s budget split evenly over its releases. A day&apos;s releases may not spend more than the day&apos;s budget (sequential composition): such a scenario is refused. Unused while epsilon_per_day is 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contribution cap per user and day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of one user counted per simulated day at most; later ones are left out of the counts. It bounds what one user can change in a release (its sensitivity).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New-user onboarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signup questionnaire: shoppers who join during the run state a few favourite categories, with noise, and cores may read the answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: no signup questions. categories: each shopper who joins during the run may name their favourite leaf categories, drawn from their true tastes with noise; cores that use the answers say so in their description (content).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stated categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaf categories each answer names: the shopper&apos;s favourites by true affinity, most liked first (fewer than the shop&apos;s leaf categories).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability that a stated category is a random other leaf instead of a true favourite (1 = answers carry no information).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share who answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the shoppers joining during the run who answer; the others skip the questionnaire and are the comparison group.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>Range: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 of %2, &quot;%3&quot;, is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries (edit them in the JSON tab)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the run&apos;s main core</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioPreset</name>
    <message>
        <source>New-item cold start: a third of the 3,000-item catalogue launches during the week, plus two launch batches (600 items anywhere on day 2, 400 Electronics items on day 4). New items have no history, so collaborative cores cannot see them until someone stumbles on them; content, hybrid and exploring cores should pick them up faster. Compare coverage of new items and CTR after each launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mid-sized general shop for a week: 3,000 items in 40 categories (a tenth launching during the week), 5,000 shoppers with long-tailed activity, a daily rhythm peaking in the evening and busier weekends, stock that runs out and is restocked, and one 20 % promotion on Kitchen on days 4-5. Calibrated on RetailRocket and YOOCHOOSE: with popularity the CTR is about 4 %, about 3 % of viewed items reach the cart and about a third of carts are bought.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendation fatigue: shoppers remember the last 32 items shown to them for days (half-life 72 h), each repeat costs a lot of appeal, a whole category shown again and again gets boring, and bought items are almost never wanted again. Cores that push the same best-sellers to everybody (popularity) lose clicks over the week; diverse, re-ranked and exploring cores hold up. Departs from the calibration on purpose: CTR falls over time for repetitive cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotions and stock: a 50 % flash sale on Fashion for 12 hours on day 2 with 60 % more visitors, a 30 % brand sale on days 4-5, low stock (15 units on average, restocked after about 3 days) and a supplier failure emptying most of Electronics on day 3. Demand spikes, sells out and shifts; cores that keep recommending sold-out items lose slates, cores that notice the sale win it. Departs from the calibration on purpose: more purchases per session during the sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale test: 1,000,000 items in a three-level tree of 2,000 leaves and 1,000,000 shoppers, two million visits a day for one day. Generation takes seconds; the per-user history ring is shortened to 8 impressions and regret sampling is off to keep memory and time bounded. Use it to measure throughput, memory and the latency of cores at catalogue scale, not shop behaviour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparse data and a long tail: 50,000 items in a three-level tree of 480 leaves with very uneven sizes, 20,000 shoppers of whom most come once or twice, over two weeks. Popularity is flat-ish (little intrinsic appeal spread) while tastes are sharp, so most signal is personal and rare. Coverage, Gini and novelty matter here; neighbourhood cores starve, factorisation and content cores generalise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New-user cold start: a marketing campaign brings 3,000 new shoppers on day 2 and 5,000 more, twice as active, on day 4, on top of 4,000 regulars. Demographics explain 70 % of taste here, so demographic and popularity-by-segment strategies have real signal for newcomers; personal-history cores start from nothing for them. Compare per-cohort CTR and retention after each wave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tiny shop for the classroom: 30 items in 6 categories and 20 shoppers, slates of 5, two days. Each item has two successors, stock is small (5 units) so stock-outs happen in view, and a 30 % promotion runs on the first top category on day 1 (the second day; days count from 0). Small enough to follow every event and every score by eye while stepping.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioUnit</name>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimTime</name>
    <message>
        <source>day %1, %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day (0 = first)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepHeader</name>
    <message>
        <source>Step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>following shopper %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run ended before this shopper acted again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run is over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n other action(s) passed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>shopper %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cores show different shopper actions. Common random numbers give every core the same candidate visits (same shoppers, same times, same dice), but what a shopper does depends on the slate: after one different click or skipped visit, the cores&apos; next actions differ. Follow a shopper to see every core at that shopper&apos;s next action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every core faces the same shopper action (common random numbers).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableActions</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineMarkers</name>
    <message>
        <source>promotion −%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>launch: %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>stock shock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>season</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at day %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the run stopped at day %1 (the &quot;Stop after&quot; limit of %2 events), before %n timeline entries it would otherwise reach: %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>the number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one of %1, got &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field; known fields here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected text, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-negative number, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one positive weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array of %1 non-negative numbers, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-empty array of non-negative numbers, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array of %1 to %2 non-negative numbers, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number in %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number in %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot; (first on line %2); JSON keeps only one of them, so remove the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>recoscope::sim::EngineWorker</name>
    <message>
        <source>Choose at least one recommender core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run to inspect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no shopper %1; ids run from 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no item %1; ids run from 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::AbComparisonTable</name>
    <message>
        <source>CTR per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributed purchases per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributed revenue per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference from the first core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paired over users: with common random numbers every core faces the same shoppers, so each shopper&apos;s outcome under a core is compared with the same shopper&apos;s under the first core (paired t-test). ★ marks a Holm-adjusted p-value below 0.05.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (Δ %1%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Paired t-test over %n users (per-user values of %1 minus %2): mean difference %3, 95 % interval [%4, %5]; p = %6, Holm-adjusted p = %7 (Holm over the %8 cores compared with the first).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>recoscope::ui::BeyondAccuracyPanel</name>
    <message>
        <source>simulated days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Figure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention by cohort of &amp;core:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoppers grouped by the simulated day of their first event (rows); each cell is the share of them active again the given number of days later. – = not observed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole-run figures of each core (docs/metrics.md, &quot;Beyond accuracy&quot;); – = nothing to average.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intra-list diversity (categories)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intra-list diversity (latent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Novelty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average popularity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-tail share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serendipity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homogenisation across users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of item pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean 1 − cos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interactions per item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean Jaccard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of each slate&apos;s item pairs in different leaf categories, averaged over the bucket&apos;s slates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean over each slate&apos;s item pairs of 1 − cosine of the shop&apos;s hidden item vectors, averaged over the bucket&apos;s slates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean self-information −log2 p of the items shown, p = (interactions with the item + 1) / (all interactions + catalogue size) when shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean over slates of the mean number of interactions so far with the slate&apos;s items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of impressions on items outside the short head: the most interacted-with items that hold 80 % of interactions at the bucket&apos;s start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks on shown items that were not in the popularity top 10 when shown, per impression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean Jaccard index of the latest slates of every pair among the first 64 users served in the bucket: 1 = everyone sees the same list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue per order; an order is a shopper&apos;s purchases less than 30 minutes apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the bucket&apos;s active shoppers who were active in an earlier bucket (whole run: shoppers active on two or more days).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::CouponPanel</name>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkout lines decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coupons issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coupons redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra orders (same dice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected extra orders (true uplift)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra margin after discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per extra order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uplift model: Qini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uplift model: rank correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coupons at checkout, per core (the scenario&apos;s Coupons group sets the policy, the discount and the daily budget). Extra orders, revenue and margin compare the lines that got a coupon with what the same shoppers and the same dice give without it; the uplift model is scored against the simulator&apos;s true uplift, which a real shop never knows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::FeedbackLoopPanel</name>
    <message>
        <source>Exposure Gini by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulated day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gini of impressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How unequally each simulated day&apos;s impressions were spread over the catalogue: 0 = every item shown equally often, 1 = one item got them all. Computed as `report` computes it (docs/metrics.md, &quot;The feedback loop&quot;); the last day moves while the run goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revealed-interest drift by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 - cosine to day 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the population&apos;s revealed interest moved: 1 minus the cosine between the mean direction of the items viewed that day and that of the first day with views. 0 = shoppers look at the same kind of items as on the first day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::HelpWindow</name>
    <message>
        <source>Not part of the bundled help: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search wrapped to the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recoscope — user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the guide (Enter: next match)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::HtmlReportJob</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::InventoryWindow</name>
    <message>
        <source>Replaying run %1 with a %2-day horizon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: stock is unlimited in its scenario (catalogue.stock_mean 0), so nothing sells out and nothing is warned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2 days closed, horizon %3 days, smoothing %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision %1: %2 of %3 sell-out warnings were followed by a stock-out within the horizon.
Recall %4: %5 of %6 sell-outs were warned beforehand, on average %7 days ahead.
Lost sales %8 (a shopper&apos;s first choice sold out, or a cart line sold out at checkout); overstocked items %9 at the last close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory warnings: run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizon (days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn about an item when its stock covers at most this many days of forecast sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score again every few seconds while the run is going.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First warning (day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days warned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast / day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock-out (day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecasts each item&apos;s daily sales from the run&apos;s purchases, warns when the stock covers no more than the horizon and scores the warnings against the stock-outs that happened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::ItemInspectorPanel</name>
    <message>
        <source>Core:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposure, clicks and purchases over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>brand %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% off: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available (sold out or not launched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) in stock</source>
        <translation>
            <numerusform>%n unit in stock</numerusform>
            <numerusform>%n units in stock</numerusform>
        </translation>
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 units, restocked %2 times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impressions (times shown in a slate, left axis), clicks on it in a slate and units bought (right axis), per period of the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>impressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clicks, purchases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::LiveChartsPanel</name>
    <message>
        <source>Moving &amp;window for CTR and CVR:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rates are computed over this many of the most recent simulated-time buckets (the scenario&apos;s bucket width, one hour by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks &amp;&amp; sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposure &amp;&amp; latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funnel &amp;&amp; cold start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impressions → clicks → favourites → carts → purchases over the whole run; the percentage is the share of the previous stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of previous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR, new users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR, established users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR, new items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR, established items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items launched during the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… shown at least once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… bought at least once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean hours from launch to first impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean hours from launch to first purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving &amp;window for HR, MRR and NDCG:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking (log replay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days of the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beyond accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New users: in their first two visits. New items: launched less than 24 simulated hours ago (the opening catalogue counts as established). Sessions to catch up: the first session, counted from joining, in which shoppers who joined during the run click at the established shoppers&apos; rate (within the 95 % margin; docs/metrics.md), for those who answered the signup questionnaire and those who did not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions to catch up, newcomers who answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions to catch up, newcomers who did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::LogSourcePanel</name>
    <message>
        <source>Imported log &apos;%1&apos;: %2 events of %3 users on %4 items; %5 bad lines skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real logs imported into the run store. Replaying one runs the cores chosen under Strategies over its events in time order: before each event the core ranks, the rank of the item the user really chose is scored, then the core learns from the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a log file in the chosen format (docs/import-formats.md); the workbench stays usable meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format of the file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List length &amp;k:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each core ranks k items before each scored event; HR, MRR and NDCG are cut at k.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never recommend what the user already interacted with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score events of never-seen users or items too (as misses; no core can rank them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replay with the chosen strategies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the selected log with the 1–4 cores of the Strategies panel; the dashboard charts HR@k, NDCG@k and MRR@k over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 as &apos;%2&apos;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.data *.csv *.dat *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::MainWindow</name>
    <message>
        <source>Run stopped; it is in the run history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run finished; it is in the run history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save scenario as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recoscope — recommendation workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopper inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save scenario &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Teaching mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the tiny teaching scenario, paused, and step through it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Recoscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario has errors; see the Scenario panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Running %1 with %n core(s)</source>
        <translation>
            <numerusform>Running %1 with %n core</numerusform>
            <numerusform>Running %1 with %n cores</numerusform>
        </translation>
    </message>
    <message>
        <source>The teaching-small scenario is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 translation is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Recoscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;h3&gt;Recoscope %1&lt;/h3&gt;&lt;p&gt;A workbench for real-time e-commerce recommendation: synthetic shoppers, swappable recommender cores, live metrics.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;%n recommender core(s) registered.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;h3&gt;Recoscope %1&lt;/h3&gt;&lt;p&gt;A workbench for real-time e-commerce recommendation: synthetic shoppers, swappable recommender cores, live metrics.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;%n recommender core registered.&lt;/p&gt;</numerusform>
            <numerusform>&lt;h3&gt;Recoscope %1&lt;/h3&gt;&lt;p&gt;A workbench for real-time e-commerce recommendation: synthetic shoppers, swappable recommender cores, live metrics.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;%n recommender cores registered.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready: press Start (Ctrl+R) to run the scenario with the chosen cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n earlier run(s) ended without finishing (the process was killed); the run history marks them interrupted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Real logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an imported log in the Real logs panel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one kind of event to score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replaying log &apos;%1&apos; with %n core(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Scenario saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run cannot start: the scenario has errors. They are marked in the Scenario panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario has edits that are not saved to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save them to reopen them later; Discard forgets them (the next start opens the scenario as last loaded or saved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last scenario, %1, could not be reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1. Raise &quot;Stop after&quot; (0 runs the whole scenario) to reach them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What&apos;s this?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core %1 (%2) was stopped; the other cores go on and its run is stored as failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presentation mode (projector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text, charts and icons for a projector; the panels share one tabbed column beside the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugin libraries (*.so *.dylib *.dll)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;plugin…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the recommender cores of a plugin library (a .so file built against Recoscope) to the strategy panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Plugin loaded: %n core(s) added (%1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plugin(s) could not be loaded.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Plugin not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A plugin could not be loaded, so its cores are missing from the lists; every other core works as before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Privacy curve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR against the differential-privacy budget for several cores, on this scenario</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::MetricChartView</name>
    <message>
        <source>Save chart as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save a chart as .%1: choose .png, .svg or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole run again and follow new data (double click, Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (log scale, zeros not drawn)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::OpeChartView</name>
    <message>
        <source>Estimated CTR of the target (95 % intervals) against its real run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimators (grey: not valid on this log); dashed line: the target&apos;s true CTR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truth: the target&apos;s own run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate (not valid on this log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::OpeWindow</name>
    <message>
        <source>Parameters are KEY=VALUE separated by commas; &apos;%1&apos; is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying run %1 with %2 beside its core…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off-policy check: %1 % done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target %1 on run %2 (logged by %3): true CTR %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 logged slates over %2 days, logged CTR %3; the target shows the logged item at %4 of its positions, mean importance weight %5 (100 % = full support).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off-policy check: run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target core:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covers the truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimates the target&apos;s CTR from this run&apos;s slate log, then runs the target on the same shoppers for real (docs/ope.md).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::PrivacyCurveWindow</name>
    <message>
        <source>No core &apos;%1&apos; (see the strategy panel&apos;s list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epsilon &apos;%1&apos; is not a number in (0, 1000].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one core and one epsilon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 cores x %2 budgets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runs failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, noise off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario %1, seed %2: each core with the noise off and at each epsilon, on the same shoppers. z: CTR against the same core with the noise off (two-proportion test; |z| &gt; 1.96 is significant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy: CTR against epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cores:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epsilon per day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differential-privacy budgets to try, comma-separated; the run with the noise off is always added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epsilon per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epsilon / day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epsilon spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z vs noise off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs each core with the scenario&apos;s privacy noise off and at each epsilon per day, on the same seed, and charts its CTR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR (%) against the privacy budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RecommenderListModel</name>
    <message>
        <source>%1 (external)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunComparisonWindow</name>
    <message>
        <source>No run store is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The per-user statistics could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the per-user statistics from the stored events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No per-user statistics: these runs faced different shoppers (another scenario or seed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the feedback loop from the stored slates and views…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feedback loop could not be recomputed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback loop for %1: stored without a slate log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunControls</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new run of the scenario with the chosen cores (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the run; charts and inspectors stay available (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume a paused run (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the run now; it is kept in the history as cancelled (Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;ep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Speed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 minutes per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 hours per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated time per second of wall-clock time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the scenario&apos;s simulated duration (or of the event limit) done by the slowest core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While paused: advance every core by one shopper action, or to the followed shopper&apos;s next action (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While paused: back to the previous step, replayed from the seed (Ctrl+F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log replay: %1 (of %2 days) · %3 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated: %1 · %2 events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunDiffDialog</name>
    <message>
        <source>Runs %1 and %2 side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only what differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 settings differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunHistoryModel</name>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cores of the A/B arena this run belongs to (same shoppers, same random numbers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arena</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is not in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or F2 to edit the label; Enter saves it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your one-line name for the run: double-click or F2 to edit, Enter saves it to the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The core&apos;s parameters, defaults included (the tooltip of a cell lists them one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note on the run, first line (Edit note… shows all of it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events/s over %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s of set-up before the first event (the shop generated and hashed, the core built)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak memory of the process %1 MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunHistoryPanel</name>
    <message>
        <source>Delete runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their events and metrics? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n run with their events and metrics? This cannot be undone.</numerusform>
            <numerusform>Delete %n runs with their events and metrics? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the charts of the selected run (with the other cores of its arena)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected runs together, one colour per run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trade-offs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR, coverage and revenue of every parameter set of the selected run&apos;s sweep, with the Pareto front marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write metrics and events as CSV and the charts as PNG, SVG and PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One web page for the selected runs (up to 8): scenario, parameters, summary with intervals, differences, charts, funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two selected runs&apos; core, seed, parameters and scenario side by side, what differs marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off-policy check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate another core&apos;s CTR from the selected run&apos;s log (IPS, SNIPS, DM, DR) and check it against that core&apos;s real run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note on the selected run; it is saved in the run store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search labels, notes, parameters, scenarios and cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast demand from the selected run&apos;s purchases, warn about items about to sell out and score the warnings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunNoteDialog</name>
    <message>
        <source>Note on run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 “%2”: %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this run was for, what you noticed, what to try next…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::ScenarioPanel</name>
    <message>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save scenario as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scenario:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in scenarios shipped with Recoscope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after (events per core):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 runs the whole simulated duration of the scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON tab does not read as a JSON object (%1); the form is hidden until it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::ShopperInspectorPanel</name>
    <message>
        <source>Core:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopper &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active shoppers (most recent first) — click one:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current slate (the last one served to this shopper):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item, and why (the core&apos;s explanation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopper %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days since the last purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n purchase(s)</source>
        <translation>
            <numerusform>%n purchase</numerusform>
            <numerusform>%n purchases</numerusform>
        </translation>
    </message>
    <message>
        <source>Monetary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent events (newest last)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(from a recommendation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>churned (will not return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% chance per candidate visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1 · %2, brand %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart: zoom x in / out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+, −, mouse wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart: zoom to a span / a rectangle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag, Shift+drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart: pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys, middle-button drag, Ctrl+drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart: reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home, 0, double click</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::StrategyPanel</name>
    <message>
        <source>Core %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick 1 to %1 recommender cores. Each faces the same shoppers with the same random numbers, so differences come from the cores alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a core to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommender core; hover an entry for its description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency &amp;budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A core whose recommendation takes longer than this is stopped and reported; the other cores go on. Wall-clock time: a run with a budget is reproducible only while every core keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine &amp;threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many threads run the cores of a comparison. The results are the same for every value; more threads finish sooner when the machine has free processor cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Python core…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a class with recommend(request) from a .py file and run it as a core beside the built-in ones (docs/python.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no Python support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per &amp;surface…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the home feed, search, product page or cart page a core of its own; this core serves the others. Every core learns from every event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serves every surface</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::SurfaceAssignmentDialog</name>
    <message>
        <source>Strategy per surface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a surface a core of its own, for example &quot;complete your order&quot; on the cart page. The slot&apos;s core serves every surface left on it. Every core learns from every event; each answers only its surface&apos;s requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the slot&apos;s core)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEY=VALUE …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters of this surface&apos;s core, separated by spaces, e.g. neighbours=20 or inner=itemknn lambda=0.5 (see the core&apos;s form for its keys); unset ones keep their defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cart page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A surface and the core that serves it, e.g. &quot;Cart page: itemknn&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::SurfaceCtrTable</name>
    <message>
        <source>&lt;b&gt;CTR per surface&lt;/b&gt; (a core of its own in brackets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks / impressions of the slates served on each surface. Carts, purchases and revenue in the cell&apos;s tooltip are those won by the surface&apos;s slates (docs/metrics.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 impressions, %2 clicks, %3 carts, %4 purchases, revenue %5; p95 latency %6 µs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::TeachingPanel</name>
    <message>
        <source>Teaching mode runs the tiny teaching-small shop, paused. Press Step (F10) to let one shopper act: you see the slate the core served, why, what the shopper clicked and which events followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start teaching mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events caused by this action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with the previous slate served to the same shopper: new items, moves up (▲) or down (▼), and the score change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No step yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This core&apos;s run is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new visit starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shopper clicked position %1 (highlighted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shopper clicked nothing in the slate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First slate for this shopper: every item is new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▼ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — item %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from the slate, position %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no events (the shopper only looked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying the run from the seed to step %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for shopper %1&apos;s next action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One shopper action per core, or every core to the followed shopper&apos;s next action (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous step: the run is replayed from the seed (deterministic), on the engine&apos;s thread (Ctrl+F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow shopper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step moves every core to this shopper&apos;s next action, so all cores show the same shopper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shopper to follow (id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This core&apos;s run ended before shopper %1 acted again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopper %1 on the %2 at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text, charts and icons for a projector (View &gt; Presentation mode, Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::TradeoffChartView</name>
    <message>
        <source>CTR against catalogue coverage (marker size: revenue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto-optimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dominated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR against the long-tail share of impressions (marker size: revenue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-tail share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
CTR %2 %, coverage %3 %, long-tail share %4 %, revenue %5
Click to select run %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR against the CTR gap between shopper groups (marker size: revenue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group CTR gap (max - min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group CTR gap %1 pp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recoscope::ui::TradeoffWindow</name>
    <message>
        <source>Pareto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade-offs of sweep %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No finished runs of sweep %1 in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-tail share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vertical axis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-tail share of impressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group CTR gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTR gap between shopper groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the CTR gaps between shopper groups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some group CTR gaps are unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
