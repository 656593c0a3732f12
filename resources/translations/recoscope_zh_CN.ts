<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Demographics</name>
    <message>
        <source>under 18</source>
        <translation>18 岁以下</translation>
    </message>
    <message>
        <source>18–24</source>
        <translation>18–24 岁</translation>
    </message>
    <message>
        <source>25–34</source>
        <translation>25–34 岁</translation>
    </message>
    <message>
        <source>35–44</source>
        <translation>35–44 岁</translation>
    </message>
    <message>
        <source>45–54</source>
        <translation>45–54 岁</translation>
    </message>
    <message>
        <source>55 and over</source>
        <translation>55 岁及以上</translation>
    </message>
    <message>
        <source>band %1</source>
        <translation>年龄段 %1</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ExplainedEntry</name>
    <message>
        <source>No score of its own: this item fills the slate (or was picked at random); its internal score %1 only keeps the order.</source>
        <translation>没有自己的得分：此商品用于补足推荐列表（或为随机挑选）；其内部得分 %1 仅用于保持顺序。</translation>
    </message>
    <message>
        <source>The core&apos;s score when the slate was served.</source>
        <translation>推荐列表展示时推荐核心给出的得分。</translation>
    </message>
    <message>
        <source>The core&apos;s score when the slate was served, as its explanation prints it.</source>
        <translation>推荐列表展示时推荐核心给出的得分，与其解释中打印的数值一致。</translation>
    </message>
    <message>
        <source>(explanation not kept: this slate was served before you followed the shopper)</source>
        <translation>（未保留解释：此推荐列表在你开始跟踪该顾客之前就已展示）</translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>item %1</source>
        <translation>商品 %1</translation>
    </message>
    <message>
        <source>%1 Picked %2 for a slate diversified by maximal marginal relevance (lambda %3) from place %4 of the inner answer; score %5.</source>
        <translation>%1 在按最大边际相关性（lambda %3）多样化的推荐列表中第 %2 个被选中，来自内层答案的第 %4 位；得分 %5。</translation>
    </message>
    <message>
        <source>%1 Relevance from place %2 of %3: %4 (in stock, not on promotion) = score %5.</source>
        <translation>%1 按在 %3 个中的第 %2 位计算的相关性：%4（有货，未促销）= 得分 %5。</translation>
    </message>
    <message>
        <source>%1 Relevance from place %2 of %3: %4 + promotion boost %5 (%6 off) = score %7.</source>
        <translation>%1 按在 %3 个中的第 %2 位计算的相关性：%4 + 促销加成 %5（优惠 %6）= 得分 %7。</translation>
    </message>
    <message>
        <source>%1 Shown to you %2 times today (cap %3); place %4 of %5, kept in order: score %6.</source>
        <translation>%1 今天已向你展示 %2 次（上限 %3）；在 %5 个中排第 %4 位，保持原顺序：得分 %6。</translation>
    </message>
    <message>
        <source>%1 fills the slate as a popular choice right now (recent interaction score %2): this strategy had no candidate of its own left for this place.</source>
        <translation>%1 作为当前的热门选择补足推荐列表（近期交互得分 %2）：此策略在这个位置已没有自己的候选商品。</translation>
    </message>
    <message>
        <source>%1 fills the slate: no interactions point to it yet, so it is shown to explore the catalogue.</source>
        <translation>%1 用于补足推荐列表：尚无交互指向它，因此展示它以探索商品目录。</translation>
    </message>
    <message>
        <source>%1 fills the slate: no shopper has interacted with it yet.</source>
        <translation>%1 用于补足推荐列表：还没有顾客与它交互过。</translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions. Score: your factors . its factors %4 + item bias %5 = %6.</source>
        <translation>%1 符合 %2 从你的 %3 次交互中学到的偏好画像。得分：你的因子 · 它的因子 %4 + 商品偏置 %5 = %6。</translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions. Score: your factors . its factors %4 + viewed product&apos;s factors x %5 . its factors %6 + item bias %7 = %8.</source>
        <translation>%1 符合 %2 从你的 %3 次交互中学到的偏好画像。得分：你的因子 · 它的因子 %4 + 正在浏览商品的因子 × %5 · 它的因子 %6 + 商品偏置 %7 = %8。</translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions. Score: your factors . its factors %4 + viewed product&apos;s factors x %5 . its factors %6 = %7.</source>
        <translation>%1 符合 %2 从你的 %3 次交互中学到的偏好画像。得分：你的因子 · 它的因子 %4 + 正在浏览商品的因子 × %5 · 它的因子 %6 = %7。</translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions. Score: your factors . its factors %4 = %5.</source>
        <translation>%1 符合 %2 从你的 %3 次交互中学到的偏好画像。得分：你的因子 · 它的因子 %4 = %5。</translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions; its latent factors are closest to %4 (cosine %5). Score: your factors . its factors %6 + item bias %7 = %8.</source>
        <translation>%1 符合 %2 从你的 %3 次交互中学到的偏好画像；它的隐因子与 %4 最接近（余弦 %5）。得分：你的因子 · 它的因子 %6 + 商品偏置 %7 = %8。</translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions; its latent factors are closest to %4 (cosine %5). Score: your factors . its factors %6 + viewed product&apos;s factors x %7 . its factors %8 + item bias %9 = %10.</source>
        <translation>%1 符合 %2 从你的 %3 次交互中学到的偏好画像；它的隐因子与 %4 最接近（余弦 %5）。得分：你的因子 · 它的因子 %6 + 正在浏览商品的因子 × %7 · 它的因子 %8 + 商品偏置 %9 = %10。</translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions; its latent factors are closest to %4 (cosine %5). Score: your factors . its factors %6 + viewed product&apos;s factors x %7 . its factors %8 = %9.</source>
        <translation>%1 符合 %2 从你的 %3 次交互中学到的偏好画像；它的隐因子与 %4 最接近（余弦 %5）。得分：你的因子 · 它的因子 %6 + 正在浏览商品的因子 × %7 · 它的因子 %8 = %9。</translation>
    </message>
    <message>
        <source>%1 fits the taste profile %2 learnt from %3 of your interactions; its latent factors are closest to %4 (cosine %5). Score: your factors . its factors %6 = %7.</source>
        <translation>%1 符合 %2 从你的 %3 次交互中学到的偏好画像；它的隐因子与 %4 最接近（余弦 %5）。得分：你的因子 · 它的因子 %6 = %7。</translation>
    </message>
    <message>
        <source>%1 has an expected click score of %2 from its department, price band, discount, popularity and click-through rate and your interest in its category, its brand and the item itself (LinUCB), plus an exploration bonus of %3: score %4.</source>
        <translation>%1 根据它的部门、价格段、折扣、流行度和点击率，以及你对其类目、品牌和该商品本身的兴趣，预期点击得分为 %2（LinUCB），加上探索奖励 %3：得分 %4。</translation>
    </message>
    <message>
        <source>%1 has no interactions yet: weighted interaction score %2 (view %3, favourite %4, cart %5, purchase %6).</source>
        <translation>%1 还没有任何交互：加权交互得分 %2（浏览 %3、收藏 %4、加购 %5、购买 %6）。</translation>
    </message>
    <message>
        <source>%1 has no interactions yet: weighted interaction score %2 (view %3, favourite %4, cart %5, purchase %6; each interaction halves every %7 h of age, counted at the core&apos;s reference time, hour %8; as of now it is worth %9).</source>
        <translation>%1 还没有任何交互：加权交互得分 %2（浏览 %3、收藏 %4、加购 %5、购买 %6；每次交互的权重每过 %7 小时减半，按推荐核心的参考时间（第 %8 小时）计算；截至现在它的价值为 %9）。</translation>
    </message>
    <message>
        <source>%1 is a likely next step after your session&apos;s last %2 items, ending with %3 (a recurrent network trained on %4 session steps): match with the session state %5 + item bias %6 = score %7.</source>
        <translation>%1 很可能是你本次会话最近 %2 件商品（最后一件是 %3）之后的下一步（循环神经网络，已在 %4 个会话步骤上训练）：与会话状态的匹配 %5 + 商品偏置 %6 = 得分 %7。</translation>
    </message>
    <message>
        <source>%1 is a popular fallback (interaction weight %2): nothing you interacted with has been bought or viewed together with it yet, and its score only keeps the order.</source>
        <translation>%1 是热门备选（交互权重 %2）：你交互过的商品还没有与它一起被购买或浏览过，它的得分只用于保持顺序。</translation>
    </message>
    <message>
        <source>%1 is among the most popular items: weighted interaction score %2 (view %3, favourite %4, cart %5, purchase %6).</source>
        <translation>%1 是最受欢迎的商品之一：加权交互得分 %2（浏览 %3、收藏 %4、加购 %5、购买 %6）。</translation>
    </message>
    <message>
        <source>%1 is among the most popular items: weighted interaction score %2 (view %3, favourite %4, cart %5, purchase %6; each interaction halves every %7 h of age, counted at the core&apos;s reference time, hour %8; as of now it is worth %9).</source>
        <translation>%1 是最受欢迎的商品之一：加权交互得分 %2（浏览 %3、收藏 %4、加购 %5、购买 %6；每次交互的权重每过 %7 小时减半，按推荐核心的参考时间（第 %8 小时）计算；截至现在它的价值为 %9）。</translation>
    </message>
    <message>
        <source>%1 is among your highest true utilities in the simulator (%2): a best-case bound, not a learnt choice. Score %3.</source>
        <translation>%1 在模拟器中对你的真实效用属于最高之列（%2）：这是最佳情形的上界，而不是学出来的选择。得分 %3。</translation>
    </message>
    <message>
        <source>%1 is among your lowest true utilities in the simulator (%2): a worst-case bound, not a learnt choice. Score = minus the utility = %3.</source>
        <translation>%1 在模拟器中对你的真实效用属于最低之列（%2）：这是最差情形的下界，而不是学出来的选择。得分 = 效用的相反数 = %3。</translation>
    </message>
    <message>
        <source>%1 is not in this shop&apos;s catalogue.</source>
        <translation>%1 不在本店的商品目录中。</translation>
    </message>
    <message>
        <source>%1 is one of your recent items; score %2.</source>
        <translation>%1 是你最近交互过的商品之一；得分 %2。</translation>
    </message>
    <message>
        <source>%1 is popular with shoppers like you (age band %2): segment interest score %3 + %4 from shop-wide popularity (shrinkage %5) = score %6.</source>
        <translation>%1 在和你相似的顾客中很受欢迎（年龄段 %2）：分群兴趣得分 %3 + 来自全店流行度的 %4（收缩强度 %5）= 得分 %6。</translation>
    </message>
    <message>
        <source>%1 is popular with shoppers like you (age band %2, gender %3): segment interest score %4 + %5 from shop-wide popularity (shrinkage %6) = score %7.</source>
        <translation>%1 在和你相似的顾客中很受欢迎（年龄段 %2，性别 %3）：分群兴趣得分 %4 + 来自全店流行度的 %5（收缩强度 %6）= 得分 %7。</translation>
    </message>
    <message>
        <source>%1 is popular with shoppers like you (age band %2, gender %3, region %4): segment interest score %5 + %6 from shop-wide popularity (shrinkage %7) = score %8.</source>
        <translation>%1 在和你相似的顾客中很受欢迎（年龄段 %2，性别 %3，地区 %4）：分群兴趣得分 %5 + 来自全店流行度的 %6（收缩强度 %7）= 得分 %8。</translation>
    </message>
    <message>
        <source>%1 is popular with shoppers like you (occupation group %2): segment interest score %3 + %4 from shop-wide popularity (shrinkage %5) = score %6.</source>
        <translation>%1 在和你相似的顾客中很受欢迎（职业组 %2）：分群兴趣得分 %3 + 来自全店流行度的 %4（收缩强度 %5）= 得分 %6。</translation>
    </message>
    <message>
        <source>%1 is the likely next step of your browsing sequence, which focuses on %2 (attention weight %3 over the last %4 items): match with the sequence %5 + item bias %6 = score %7.</source>
        <translation>%1 很可能是你浏览序列的下一步，该序列的注意力集中在 %2 上（在最近 %4 件商品中的注意力权重为 %3）：与序列的匹配 %5 + 商品偏置 %6 = 得分 %7。</translation>
    </message>
    <message>
        <source>%1 is the likely next step of your recent %2 items; the self-attention focuses on %3 (weight %4): match with the sequence %5 + item bias %6 = score %7.</source>
        <translation>%1 很可能是你最近 %2 件商品之后的下一步；自注意力集中在 %3 上（权重 %4）：与序列的匹配 %5 + 商品偏置 %6 = 得分 %7。</translation>
    </message>
    <message>
        <source>%1 is trending in %2: recent activity %3 against a baseline of %4 gives a trend of %5 squared / (%6 + prior %7) = %8; score %9.</source>
        <translation>%1 在 %2 中正在走热：近期热度 %3 对比基线 %4，趋势为 %5 的平方 / (%6 + 先验 %7) = %8；得分 %9。</translation>
    </message>
    <message>
        <source>%1 is trending in %2: recent activity %3 against a baseline of %4 gives a trend of %5 squared / (%6 + prior %7) = %8; your share of interest in its department, %9, adds x%10 of it: %11; score %12.</source>
        <translation>%1 在 %2 中正在走热：近期热度 %3 对比基线 %4，趋势为 %5 的平方 / (%6 + 先验 %7) = %8；你对其部门的兴趣占比 %9，再加上它的 ×%10：%11；得分 %12。</translation>
    </message>
    <message>
        <source>%1 matches your interest in %2 (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation>%1 符合你对%2的兴趣（该特征贡献 %3）：画像匹配 %4 + 流行度先验 %5 = 得分 %6。</translation>
    </message>
    <message>
        <source>%1 matches your interest in %2, like the product you are looking at (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation>%1 符合你对%2的兴趣，与你正在看的商品一样（该特征贡献 %3）：画像匹配 %4 + 流行度先验 %5 = 得分 %6。</translation>
    </message>
    <message>
        <source>%1 matches your interest in &apos;%2&apos; (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation>%1 符合你对“%2”的兴趣（该特征贡献 %3）：画像匹配 %4 + 流行度先验 %5 = 得分 %6。</translation>
    </message>
    <message>
        <source>%1 matches your interest in &apos;%2&apos;, like the product you are looking at (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation>%1 符合你对“%2”的兴趣，与你正在看的商品一样（该特征贡献 %3）：画像匹配 %4 + 流行度先验 %5 = 得分 %6。</translation>
    </message>
    <message>
        <source>%1 matches your interest in brand %2 (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation>%1 符合你对品牌 %2的兴趣（该特征贡献 %3）：画像匹配 %4 + 流行度先验 %5 = 得分 %6。</translation>
    </message>
    <message>
        <source>%1 matches your interest in brand %2, like the product you are looking at (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation>%1 符合你对品牌 %2的兴趣，与你正在看的商品一样（该特征贡献 %3）：画像匹配 %4 + 流行度先验 %5 = 得分 %6。</translation>
    </message>
    <message>
        <source>%1 matches your interest in budget items (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation>%1 符合你对平价商品的兴趣（该特征贡献 %2）：画像匹配 %3 + 流行度先验 %4 = 得分 %5。</translation>
    </message>
    <message>
        <source>%1 matches your interest in budget items, like the product you are looking at (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation>%1 符合你对平价商品的兴趣，与你正在看的商品一样（该特征贡献 %2）：画像匹配 %3 + 流行度先验 %4 = 得分 %5。</translation>
    </message>
    <message>
        <source>%1 matches your interest in low-priced items (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation>%1 符合你对低价商品的兴趣（该特征贡献 %2）：画像匹配 %3 + 流行度先验 %4 = 得分 %5。</translation>
    </message>
    <message>
        <source>%1 matches your interest in low-priced items, like the product you are looking at (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation>%1 符合你对低价商品的兴趣，与你正在看的商品一样（该特征贡献 %2）：画像匹配 %3 + 流行度先验 %4 = 得分 %5。</translation>
    </message>
    <message>
        <source>%1 matches your interest in mid-priced items (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation>%1 符合你对中等价位商品的兴趣（该特征贡献 %2）：画像匹配 %3 + 流行度先验 %4 = 得分 %5。</translation>
    </message>
    <message>
        <source>%1 matches your interest in mid-priced items, like the product you are looking at (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation>%1 符合你对中等价位商品的兴趣，与你正在看的商品一样（该特征贡献 %2）：画像匹配 %3 + 流行度先验 %4 = 得分 %5。</translation>
    </message>
    <message>
        <source>%1 matches your interest in premium items (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation>%1 符合你对高端商品的兴趣（该特征贡献 %2）：画像匹配 %3 + 流行度先验 %4 = 得分 %5。</translation>
    </message>
    <message>
        <source>%1 matches your interest in premium items, like the product you are looking at (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation>%1 符合你对高端商品的兴趣，与你正在看的商品一样（该特征贡献 %2）：画像匹配 %3 + 流行度先验 %4 = 得分 %5。</translation>
    </message>
    <message>
        <source>%1 matches your interest in the %2 department (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation>%1 符合你对%2 部门的兴趣（该特征贡献 %3）：画像匹配 %4 + 流行度先验 %5 = 得分 %6。</translation>
    </message>
    <message>
        <source>%1 matches your interest in the %2 department, like the product you are looking at (that feature adds %3): profile match %4 + popularity prior %5 = score %6.</source>
        <translation>%1 符合你对%2 部门的兴趣，与你正在看的商品一样（该特征贡献 %3）：画像匹配 %4 + 流行度先验 %5 = 得分 %6。</translation>
    </message>
    <message>
        <source>%1 matches your interest in upper mid-priced items (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation>%1 符合你对中高价位商品的兴趣（该特征贡献 %2）：画像匹配 %3 + 流行度先验 %4 = 得分 %5。</translation>
    </message>
    <message>
        <source>%1 matches your interest in upper mid-priced items, like the product you are looking at (that feature adds %2): profile match %3 + popularity prior %4 = score %5.</source>
        <translation>%1 符合你对中高价位商品的兴趣，与你正在看的商品一样（该特征贡献 %2）：画像匹配 %3 + 流行度先验 %4 = 得分 %5。</translation>
    </message>
    <message>
        <source>%1 recent shopping session similar to yours also included %2: session similarity %3 = summed similarity %4, the score.</source>
        <translation>%1 个与你相似的近期购物会话也包含 %2：会话相似度 %3 = 相似度之和 %4，即得分。</translation>
    </message>
    <message>
        <source>%1 recent shopping sessions similar to yours also included %2: session similarity %3 + %4 + %5 + %6 (the others) = summed similarity %7, the score.</source>
        <translation>%1 个与你相似的近期购物会话也包含 %2：会话相似度 %3 + %4 + %5 + %6（其余会话）= 相似度之和 %7，即得分。</translation>
    </message>
    <message>
        <source>%1 recent shopping sessions similar to yours also included %2: session similarity %3 + %4 + %5 = summed similarity %6, the score.</source>
        <translation>%1 个与你相似的近期购物会话也包含 %2：会话相似度 %3 + %4 + %5 = 相似度之和 %6，即得分。</translation>
    </message>
    <message>
        <source>%1 recent shopping sessions similar to yours also included %2: session similarity %3 + %4 = summed similarity %5, the score.</source>
        <translation>%1 个与你相似的近期购物会话也包含 %2：会话相似度 %3 + %4 = 相似度之和 %5，即得分。</translation>
    </message>
    <message>
        <source>%1 scores %2 in the wide &amp; deep model: %3 from crossed features (your profile and last category with its category) + %4 from the deep network over %5 training samples + global bias %6.</source>
        <translation>%1 在 Wide &amp; Deep 模型中得分 %2：来自交叉特征（你的画像及最近类目与其类目）的 %3 + 来自深度网络（已训练 %5 个样本）的 %4 + 全局偏置 %6。</translation>
    </message>
    <message>
        <source>%1 scores high in the neural model (embeddings + %2-unit MLP) trained on %3 of your interactions and %4 training samples overall: matrix-factorisation part %5 + MLP part %6 + item bias %7 = logit %8.</source>
        <translation>%1 在神经网络模型（嵌入 + %2 单元的多层感知机）中得分较高，该模型基于你的 %3 次交互和共 %4 个训练样本训练：矩阵分解部分 %5 + 多层感知机部分 %6 + 商品偏置 %7 = logit %8。</translation>
    </message>
    <message>
        <source>%1 shares no feature with your profile: profile match %2 + popularity prior %3 = score %4.</source>
        <translation>%1 与你的画像没有共同特征：画像匹配 %2 + 流行度先验 %3 = 得分 %4。</translation>
    </message>
    <message>
        <source>%1 shopper with tastes like yours chose %2: shopper %3 (Pearson correlation %4) with weight %5: %6. Score %7.</source>
        <translation>%1 位与你口味相似的顾客选择了 %2：顾客 %3（皮尔逊相关系数 %4），权重 %5：%6。得分 %7。</translation>
    </message>
    <message>
        <source>%1 shopper with tastes like yours chose %2: shopper %3 (cosine similarity %4) with weight %5: %6. Score %7.</source>
        <translation>%1 位与你口味相似的顾客选择了 %2：顾客 %3（余弦相似度 %4），权重 %5：%6。得分 %7。</translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (Pearson correlation %4) with weight %5: %6. Score %7.</source>
        <translation>%1 位与你口味相似的顾客选择了 %2：顾客 %3（皮尔逊相关系数 %4），权重 %5：%6。得分 %7。</translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (Pearson correlation %4) with weight %5: %6; shopper %7 (Pearson correlation %8) with weight %9: %10. Score %11.</source>
        <translation>%1 位与你口味相似的顾客选择了 %2：顾客 %3（皮尔逊相关系数 %4），权重 %5：%6；顾客 %7（皮尔逊相关系数 %8），权重 %9：%10。得分 %11。</translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (Pearson correlation %4) with weight %5: %6; shopper %7 (Pearson correlation %8) with weight %9: %10; the others %11. Score %12.</source>
        <translation>%1 位与你口味相似的顾客选择了 %2：顾客 %3（皮尔逊相关系数 %4），权重 %5：%6；顾客 %7（皮尔逊相关系数 %8），权重 %9：%10；其余顾客 %11。得分 %12。</translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (cosine similarity %4) with weight %5: %6. Score %7.</source>
        <translation>%1 位与你口味相似的顾客选择了 %2：顾客 %3（余弦相似度 %4），权重 %5：%6。得分 %7。</translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (cosine similarity %4) with weight %5: %6; shopper %7 (cosine similarity %8) with weight %9: %10. Score %11.</source>
        <translation>%1 位与你口味相似的顾客选择了 %2：顾客 %3（余弦相似度 %4），权重 %5：%6；顾客 %7（余弦相似度 %8），权重 %9：%10。得分 %11。</translation>
    </message>
    <message>
        <source>%1 shoppers with tastes like yours chose %2: shopper %3 (cosine similarity %4) with weight %5: %6; shopper %7 (cosine similarity %8) with weight %9: %10; the others %11. Score %12.</source>
        <translation>%1 位与你口味相似的顾客选择了 %2：顾客 %3（余弦相似度 %4），权重 %5：%6；顾客 %7（余弦相似度 %8），权重 %9：%10；其余顾客 %11。得分 %12。</translation>
    </message>
    <message>
        <source>%1 was clicked %2 times in %3 examined showings (estimated click-through rate %4); Thompson sampling drew a plausible click-through rate of %5 for it from Beta(%6, %7), the score.</source>
        <translation>%1 在 %3 次被查看的展示中被点击 %2 次（估计点击率 %4）；汤普森采样从 Beta(%6, %7) 中为它抽取了一个可能的点击率 %5，即得分。</translation>
    </message>
    <message>
        <source>%1 was clicked %2 times in %3 examined showings: estimated click-through rate %4 + UCB1 optimism bonus for items shown rarely %5 = score %6.</source>
        <translation>%1 在 %3 次被查看的展示中被点击 %2 次：估计点击率 %4 + 对少展示商品的 UCB1 乐观奖励 %5 = 得分 %6。</translation>
    </message>
    <message>
        <source>%1 was clicked %2 times in %3 examined showings; epsilon-greedy shows the best estimated rates and explores at random with probability %4. Score: estimated click-through rate %5 (with the Beta prior).</source>
        <translation>%1 在 %3 次被查看的展示中被点击 %2 次；ε-贪心展示估计点击率最高的商品，并以概率 %4 随机探索。得分：估计点击率 %5（含 Beta 先验）。</translation>
    </message>
    <message>
        <source>%1 was clicked %2 times in %3 examined showings; this place was explored: with probability %4 a place shows a random item instead of the best estimated rate. Score: estimated click-through rate %5 (with the Beta prior).</source>
        <translation>%1 在 %3 次被查看的展示中被点击 %2 次；这个位置用于探索：每个位置以概率 %4 展示随机商品，而不是估计点击率最高的商品。得分：估计点击率 %5（含 Beta 先验）。</translation>
    </message>
    <message>
        <source>%1 was not in the last slate this core served, so it has no explanation.</source>
        <translation>%1 不在该推荐核心最近一次展示的推荐列表中，因此没有解释。</translation>
    </message>
    <message>
        <source>%1 was ranked with score %2 although none of your items co-occurs with it.</source>
        <translation>%1 的排序得分为 %2，尽管你的商品都没有与它共现过。</translation>
    </message>
    <message>
        <source>After %1, shoppers went on to %2 %3 times (%4 of %5 next steps) x weight %6 = %7. Score %8.</source>
        <translation>在 %1 之后，顾客接着看了 %2 共 %3 次（占 %5 次下一步的 %4）× 权重 %6 = %7。得分 %8。</translation>
    </message>
    <message>
        <source>After %1, shoppers went on to %2 %3 times (%4 of %5 next steps) x weight %6 = %7; after %8, shoppers went on to %9 %10 times (%11 of %12 next steps) x weight %13 = %14. Score %15.</source>
        <translation>在 %1 之后，顾客接着看了 %2 共 %3 次（占 %5 次下一步的 %4）× 权重 %6 = %7；在 %8 之后，顾客接着看了 %9 共 %10 次（占 %12 次下一步的 %11）× 权重 %13 = %14。得分 %15。</translation>
    </message>
    <message>
        <source>Blend of the cores&apos; rankings: %1 places it %2 of %3 (weight %4): %5 + %6 places it %7 of %8 (weight %9): %10 + %11 places it %12 of %13 (weight %14): %15 = blend score %16, mostly from %17: %18</source>
        <translation>各推荐核心排名的融合：%1 把它排在 %3 个中的第 %2 位（权重 %4）：%5 + %6 把它排在 %8 个中的第 %7 位（权重 %9）：%10 + %11 把它排在 %13 个中的第 %12 位（权重 %14）：%15 = 融合得分 %16，主要来自 %17：%18</translation>
    </message>
    <message>
        <source>Blend of the cores&apos; rankings: %1 places it %2 of %3 (weight %4): %5 + %6 places it %7 of %8 (weight %9): %10 = blend score %11, mostly from %12: %13</source>
        <translation>各推荐核心排名的融合：%1 把它排在 %3 个中的第 %2 位（权重 %4）：%5 + %6 把它排在 %8 个中的第 %7 位（权重 %9）：%10 = 融合得分 %11，主要来自 %12：%13</translation>
    </message>
    <message>
        <source>Blend of the cores&apos; rankings: %1 places it %2 of %3 (weight %4): %5 = blend score %6, mostly from %7: %8</source>
        <translation>各推荐核心排名的融合：%1 把它排在 %3 个中的第 %2 位（权重 %4）：%5 = 融合得分 %6，主要来自 %7：%8</translation>
    </message>
    <message>
        <source>Item %1 was chosen by this strategy&apos;s scoring (score %2).</source>
        <translation>商品 %1 由此策略的打分选出（得分 %2）。</translation>
    </message>
    <message>
        <source>Picked uniformly at random among the %1 available items; %2 carries no learned preference (its score only keeps the order).</source>
        <translation>从 %1 件可售商品中均匀随机选出；%2 不含任何学到的偏好（它的得分只用于保持顺序）。</translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 (the product you are looking at) also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5. Score %6, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation>与 %1（你正在看的商品） 交互过的顾客也与 %2 交互过：共现相似度 %3 × 种子权重 %4 = %5。得分 %6，是加权相似度之和（共现可以重复，所以相似度可能超过一；它们都不是余弦）。</translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 (the product you are looking at) also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6: co-occurrence similarity %7 x seed weight %8 = %9. Score %10, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation>与 %1（你正在看的商品） 交互过的顾客也与 %2 交互过：共现相似度 %3 × 种子权重 %4 = %5；再加上 %6：共现相似度 %7 × 种子权重 %8 = %9。得分 %10，是加权相似度之和（共现可以重复，所以相似度可能超过一；它们都不是余弦）。</translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 (the product you are looking at) also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6: co-occurrence similarity %7 x seed weight %8 = %9; plus %10 from %11 more of your items. Score %12, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation>与 %1（你正在看的商品） 交互过的顾客也与 %2 交互过：共现相似度 %3 × 种子权重 %4 = %5；再加上 %6：共现相似度 %7 × 种子权重 %8 = %9；再加上来自你另外 %11 件商品的 %10。得分 %12，是加权相似度之和（共现可以重复，所以相似度可能超过一；它们都不是余弦）。</translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5. Score %6, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation>与 %1 交互过的顾客也与 %2 交互过：共现相似度 %3 × 种子权重 %4 = %5。得分 %6，是加权相似度之和（共现可以重复，所以相似度可能超过一；它们都不是余弦）。</translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6 (the product you are looking at): co-occurrence similarity %7 x seed weight %8 = %9. Score %10, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation>与 %1 交互过的顾客也与 %2 交互过：共现相似度 %3 × 种子权重 %4 = %5；再加上 %6（你正在看的商品）：共现相似度 %7 × 种子权重 %8 = %9。得分 %10，是加权相似度之和（共现可以重复，所以相似度可能超过一；它们都不是余弦）。</translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6 (the product you are looking at): co-occurrence similarity %7 x seed weight %8 = %9; plus %10 from %11 more of your items. Score %12, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation>与 %1 交互过的顾客也与 %2 交互过：共现相似度 %3 × 种子权重 %4 = %5；再加上 %6（你正在看的商品）：共现相似度 %7 × 种子权重 %8 = %9；再加上来自你另外 %11 件商品的 %10。得分 %12，是加权相似度之和（共现可以重复，所以相似度可能超过一；它们都不是余弦）。</translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6: co-occurrence similarity %7 x seed weight %8 = %9. Score %10, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation>与 %1 交互过的顾客也与 %2 交互过：共现相似度 %3 × 种子权重 %4 = %5；再加上 %6：共现相似度 %7 × 种子权重 %8 = %9。得分 %10，是加权相似度之和（共现可以重复，所以相似度可能超过一；它们都不是余弦）。</translation>
    </message>
    <message>
        <source>Shoppers who interacted with %1 also interacted with %2: co-occurrence similarity %3 x seed weight %4 = %5; plus %6: co-occurrence similarity %7 x seed weight %8 = %9; plus %10 from %11 more of your items. Score %12, a sum of weighted similarities (co-occurrences can repeat, so a similarity may exceed one; none is a cosine).</source>
        <translation>与 %1 交互过的顾客也与 %2 交互过：共现相似度 %3 × 种子权重 %4 = %5；再加上 %6：共现相似度 %7 × 种子权重 %8 = %9；再加上来自你另外 %11 件商品的 %10。得分 %12，是加权相似度之和（共现可以重复，所以相似度可能超过一；它们都不是余弦）。</translation>
    </message>
    <message>
        <source>You bought %1 %2 hours ago; time to buy it again? Its weight %3 x recency %4 = %5, plus %6 from %7 earlier interactions with it; score %8.</source>
        <translation>你在 %2 小时前购买了 %1；该再买一次了吗？它的权重 %3 × 时效 %4 = %5，再加上之前 %7 次与它的交互带来的 %6；得分 %8。</translation>
    </message>
    <message>
        <source>You bought %1 %2 hours ago; time to buy it again? Its weight %3 x recency %4 = %5; score %6.</source>
        <translation>你在 %2 小时前购买了 %1；该再买一次了吗？它的权重 %3 × 时效 %4 = %5；得分 %6。</translation>
    </message>
    <message>
        <source>You looked at %1 %2 hours ago. Its weight %3 x recency %4 = %5, plus %6 from %7 earlier interactions with it; score %8.</source>
        <translation>你在 %2 小时前浏览了 %1。它的权重 %3 × 时效 %4 = %5，再加上之前 %7 次与它的交互带来的 %6；得分 %8。</translation>
    </message>
    <message>
        <source>You looked at %1 %2 hours ago. Its weight %3 x recency %4 = %5; score %6.</source>
        <translation>你在 %2 小时前浏览了 %1。它的权重 %3 × 时效 %4 = %5；得分 %6。</translation>
    </message>
    <message>
        <source>You put in your cart %1 %2 hours ago. Its weight %3 x recency %4 = %5, plus %6 from %7 earlier interactions with it; score %8.</source>
        <translation>你在 %2 小时前把 %1 加入了购物车。它的权重 %3 × 时效 %4 = %5，再加上之前 %7 次与它的交互带来的 %6；得分 %8。</translation>
    </message>
    <message>
        <source>You put in your cart %1 %2 hours ago. Its weight %3 x recency %4 = %5; score %6.</source>
        <translation>你在 %2 小时前把 %1 加入了购物车。它的权重 %3 × 时效 %4 = %5；得分 %6。</translation>
    </message>
    <message>
        <source>You saved %1 %2 hours ago. Its weight %3 x recency %4 = %5, plus %6 from %7 earlier interactions with it; score %8.</source>
        <translation>你在 %2 小时前收藏了 %1。它的权重 %3 × 时效 %4 = %5，再加上之前 %7 次与它的交互带来的 %6；得分 %8。</translation>
    </message>
    <message>
        <source>You saved %1 %2 hours ago. Its weight %3 x recency %4 = %5; score %6.</source>
        <translation>你在 %2 小时前收藏了 %1。它的权重 %3 × 时效 %4 = %5；得分 %6。</translation>
    </message>
    <message>
        <source>[%1, because we know a little about you] Place %2 of %3 in %4&apos;s answer, kept in order (switch score %5): %6</source>
        <translation>[%1，因为我们对你有一些了解] 在 %4 的答案中位于 %3 个中的第 %2 位，保持原顺序（切换得分 %5）：%6</translation>
    </message>
    <message>
        <source>[%1, because you are new here] Place %2 of %3 in %4&apos;s answer, kept in order (switch score %5): %6</source>
        <translation>[%1，因为你是新顾客] 在 %4 的答案中位于 %3 个中的第 %2 位，保持原顺序（切换得分 %5）：%6</translation>
    </message>
    <message>
        <source>[%1, because your history is rich enough for collaborative filtering] Place %2 of %3 in %4&apos;s answer, kept in order (switch score %5): %6</source>
        <translation>[%1，因为你的历史足够丰富，可以使用协同过滤] 在 %4 的答案中位于 %3 个中的第 %2 位，保持原顺序（切换得分 %5）：%6</translation>
    </message>
    <message>
        <source>%1 Kept at place %2 of %3; a head item, item ranked %4 by its %5 interactions; the head is the first %6 items, holding %7 of %8 interactions; at least %9 places go to the long tail; score: answer size - place, %10.</source>
        <translation>%1 保留在内部结果 %3 个中的第 %2 位；头部商品，按其 %5 次交互排第 %4 位；头部为前 %6 个商品，占 %8 次交互中的 %7 次；至少 %9 个位置留给长尾；得分：结果数 - 位置，%10。</translation>
    </message>
    <message>
        <source>%1 Kept at place %2 of %3; a long-tail item, item ranked %4 by its %5 interactions; the head is the first %6 items, holding %7 of %8 interactions; at least %9 places go to the long tail; score: answer size - place, %10.</source>
        <translation>%1 保留在内部结果 %3 个中的第 %2 位；长尾商品，按其 %5 次交互排第 %4 位；头部为前 %6 个商品，占 %8 次交互中的 %7 次；至少 %9 个位置留给长尾；得分：结果数 - 位置，%10。</translation>
    </message>
    <message>
        <source>%1 Promoted from place %2 of %3; a long-tail item, item ranked %4 by its %5 interactions; the head is the first %6 items, holding %7 of %8 interactions; at least %9 places go to the long tail; score: answer size - place, %10.</source>
        <translation>%1 从内部结果 %3 个中的第 %2 位提升；长尾商品，按其 %5 次交互排第 %4 位；头部为前 %6 个商品，占 %8 次交互中的 %7 次；至少 %9 个位置留给长尾；得分：结果数 - 位置，%10。</translation>
    </message>
    <message>
        <source>%1 is not in the inner answer: it is added as the item ranked %2 by its %3 interactions; the head is the first %4 items, holding %5 of %6 interactions; at least %7 places go to the long tail; score: minus its order among such additions, %8.</source>
        <translation>%1 不在内部结果中：作为按其 %3 次交互排第 %2 位的商品补入；头部为前 %4 个商品，占 %6 次交互中的 %5 次；至少 %7 个位置留给长尾；得分：补入顺序的相反数，%8。</translation>
    </message>
    <message>
        <source>%1 Relevance from place %2: %3 (stock unlimited or unknown: not demoted) = score %4.</source>
        <translation>%1 按第 %2 位计算的相关性：%3（库存无限或未知：不降级）= 得分 %4。</translation>
    </message>
    <message>
        <source>%1 Relevance from place %2: %3; %4 in stock at %5 a day: %6 days of cover (horizon %7 days), demoted by %8 = score %9.</source>
        <translation>%1 按第 %2 位计算的相关性：%3；库存 %4 件，预计每天售出 %5 件：可供 %6 天（预警期 %7 天），降级 %8 = 得分 %9。</translation>
    </message>
    <message>
        <source>%1 Relevance from place %2: %3; %4 in stock at %5 a day: no sale forecast (horizon %6 days), demoted by %7 = score %8.</source>
        <translation>%1 按第 %2 位计算的相关性：%3；库存 %4 件，预计每天售出 %5 件：无销售预测（预警期 %6 天），降级 %7 = 得分 %8。</translation>
    </message>
    <message>
        <source>%1 Relevance from place %2 of %3: %4 (no group term: your group is served at least as well as all shoppers, or too few of its slates were seen yet) = score %5.</source>
        <translation>%1 按在 %3 个中的第 %2 位计算的相关性：%4（无群体项：您所在群体的服务不差于全体购物者，或其推荐列表尚太少）= 得分 %5。</translation>
    </message>
    <message>
        <source>%1 Relevance from place %2 of %3: %4 + your group&apos;s term %5 (your group&apos;s CTR %6 against %7 gives weight %8; your group clicks this item %9 times its average) = score %10.</source>
        <translation>%1 按在 %3 个中的第 %2 位计算的相关性：%4 + 您所在群体的加项 %5（群体点击率 %6 对比全体的 %7，得出权重 %8；您所在群体点击该商品的频率是其平均水平的 %9 倍）= 得分 %10。</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>Click-through rate (CTR)</source>
        <translation>点击率（CTR）</translation>
    </message>
    <message>
        <source>Conversion rate (CVR)</source>
        <translation>转化率（CVR）</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Catalogue coverage</source>
        <translation>商品目录覆盖率</translation>
    </message>
    <message>
        <source>Gini of exposure</source>
        <translation>曝光基尼系数</translation>
    </message>
    <message>
        <source>Recommend latency</source>
        <translation>推荐延迟</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Gini (0 = equal)</source>
        <translation>基尼系数（0 = 完全均等）</translation>
    </message>
    <message>
        <source>µs (p50 dotted, p95 solid, p99 dashed)</source>
        <translation>微秒（p50 点线，p95 实线，p99 虚线）</translation>
    </message>
    <message>
        <source>Clicks on recommended items divided by recommended impressions, over a moving window of the last buckets. The band is a 95 % confidence interval (normal approximation of a binomial proportion).</source>
        <translation>推荐商品的点击数除以推荐曝光数，按最近若干个时间桶的滑动窗口计算。阴影带为 95% 置信区间（二项比例的正态近似）。</translation>
    </message>
    <message>
        <source>Purchases attributed to a recommendation click divided by clicks on recommended items, over the moving window, with a 95 % band.</source>
        <translation>归因于推荐点击的购买数除以推荐商品的点击数，按滑动窗口计算，带 95% 置信区间。</translation>
    </message>
    <message>
        <source>Sum of prices paid over all purchases since the start of the run (recommended or not), in the shop&apos;s currency.</source>
        <translation>自运行开始以来所有购买（无论是否来自推荐）实付价格之和，以店铺货币计。</translation>
    </message>
    <message>
        <source>Share of the launched catalogue recommended at least once so far.</source>
        <translation>已上架商品中至今至少被推荐过一次的比例。</translation>
    </message>
    <message>
        <source>Gini coefficient of cumulative impressions over launched items: 0 when every item is shown equally often, close to 1 when a few items take all the exposure (popularity bias).</source>
        <translation>已上架商品累计曝光次数的基尼系数：每件商品曝光同样多时为 0，少数商品占据全部曝光时接近 1（流行度偏差）。</translation>
    </message>
    <message>
        <source>Wall-clock duration of the core&apos;s recommend() call per request: median (p50, dotted), 95th (solid) and 99th percentile (dashed) within each bucket. Not part of the deterministic results.</source>
        <translation>每次请求中推荐核心 recommend() 调用的实际耗时：每个时间桶内的中位数（p50，点线）、第 95 百分位（实线）和第 99 百分位（虚线）。不属于可复现的确定性结果。</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Carts</source>
        <translation>加购</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>CTR</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>CVR</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Gini</source>
        <translation>基尼系数</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95 延迟</translation>
    </message>
    <message>
        <source>Behavioural events: views, clicks, searches, favourites, cart changes and purchases (impressions are not events).</source>
        <translation>行为事件：浏览、点击、搜索、收藏、购物车变动和购买（曝光不算事件）。</translation>
    </message>
    <message>
        <source>Shopper visits started so far.</source>
        <translation>至今开始的顾客访问次数。</translation>
    </message>
    <message>
        <source>Items shown in recommendation slates (slates served × items per slate).</source>
        <translation>推荐位中展示的商品数（推荐列表数 × 每个列表的商品数）。</translation>
    </message>
    <message>
        <source>Clicks on items of a recommendation slate.</source>
        <translation>对推荐列表中商品的点击。</translation>
    </message>
    <message>
        <source>Items added to a wish-list.</source>
        <translation>加入收藏夹的商品。</translation>
    </message>
    <message>
        <source>Units added to a cart.</source>
        <translation>加入购物车的件数。</translation>
    </message>
    <message>
        <source>Units bought, recommended or not.</source>
        <translation>购买的件数（无论是否来自推荐）。</translation>
    </message>
    <message>
        <source>95th percentile of the wall-clock duration of recommend() over the whole run, in microseconds.</source>
        <translation>整个运行中 recommend() 实际耗时的第 95 百分位，单位微秒。</translation>
    </message>
    <message>
        <source>New shopper (first two visits, no purchase yet)</source>
        <translation>新顾客（前两次访问，尚未购买）</translation>
    </message>
    <message>
        <source>Browser (visits but never bought)</source>
        <translation>浏览者（有访问但从未购买）</translation>
    </message>
    <message>
        <source>Champion (3+ purchases, bought in the last 3 days)</source>
        <translation>核心客户（3 次以上购买，近 3 天内购买过）</translation>
    </message>
    <message>
        <source>Active buyer (bought in the last 3 days)</source>
        <translation>活跃买家（近 3 天内购买过）</translation>
    </message>
    <message>
        <source>At risk (no purchase for more than 3 days)</source>
        <translation>流失风险（超过 3 天未购买）</translation>
    </message>
    <message>
        <source>view</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>click</source>
        <translation>点击</translation>
    </message>
    <message>
        <source>search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>add to cart</source>
        <translation>加入购物车</translation>
    </message>
    <message>
        <source>remove from cart</source>
        <translation>移出购物车</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>事件 %1</translation>
    </message>
    <message>
        <source>home feed</source>
        <translation>首页信息流</translation>
    </message>
    <message>
        <source>search results</source>
        <translation>搜索结果页</translation>
    </message>
    <message>
        <source>product page</source>
        <translation>商品详情页</translation>
    </message>
    <message>
        <source>cart page</source>
        <translation>购物车页</translation>
    </message>
    <message>
        <source>surface %1</source>
        <translation>页面 %1</translation>
    </message>
    <message>
        <source>total so far</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Hit rate (HR@k)</source>
        <translation>命中率（HR@k）</translation>
    </message>
    <message>
        <source>Mean reciprocal rank (MRR@k)</source>
        <translation>平均倒数排名（MRR@k）</translation>
    </message>
    <message>
        <source>NDCG@k</source>
        <translation>NDCG@k</translation>
    </message>
    <message>
        <source>Item coverage of the lists</source>
        <translation>推荐列表的商品覆盖率</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Prequential replay of a real log: share of scored events whose item was in the core&apos;s top k, asked just before the event, over the moving window of buckets, with a 95 % band (normal approximation).</source>
        <translation>真实日志的前序（prequential）回放：在事件发生前请求推荐，所选商品位于推荐核心前 k 名中的评分事件比例，按时间桶滑动窗口计算，带 95% 置信区间（正态近似）。</translation>
    </message>
    <message>
        <source>Mean of 1 / rank of the item the user actually chose (0 when it was not in the top k), over the moving window.</source>
        <translation>用户实际选择的商品排名倒数 1/rank 的均值（不在前 k 名时为 0），按滑动窗口计算。</translation>
    </message>
    <message>
        <source>Mean of 1 / log2(rank + 1) of the chosen item (0 outside the top k), over the moving window; one relevant item per event, so the ideal DCG is 1.</source>
        <translation>所选商品 1/log2(rank + 1) 的均值（不在前 k 名时为 0），按滑动窗口计算；每个事件只有一个相关商品，因此理想 DCG 为 1。</translation>
    </message>
    <message>
        <source>Share of the log&apos;s items recommended at least once so far.</source>
        <translation>日志中至今至少被推荐过一次的商品比例。</translation>
    </message>
    <message>
        <source>Scored events</source>
        <translation>评分事件</translation>
    </message>
    <message>
        <source>HR@k</source>
        <translation>HR@k</translation>
    </message>
    <message>
        <source>MRR@k</source>
        <translation>MRR@k</translation>
    </message>
    <message>
        <source>Item coverage</source>
        <translation>商品覆盖率</translation>
    </message>
    <message>
        <source>Gini of lists</source>
        <translation>列表基尼系数</translation>
    </message>
    <message>
        <source>Events of the target kinds whose user and item had been seen before: the core was asked to rank before each of them.</source>
        <translation>目标类型中用户和商品此前都出现过的事件：每个事件发生前都请推荐核心给出排序。</translation>
    </message>
    <message>
        <source>Gini index of how often each item of the log was recommended, zeros included (RecBole&apos;s giniindex).</source>
        <translation>日志中每件商品被推荐次数的基尼指数，包含从未被推荐的商品（即 RecBole 的 giniindex）。</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
</context>
<context>
    <name>PythonCoreDialog</name>
    <message>
        <source>Add Python core</source>
        <translation>添加 Python 核心</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <source>%1 defines no class. A Python core is a class with a recommend(request) method.</source>
        <translation>%1 中没有定义类。Python 核心是一个带有 recommend(request) 方法的类。</translation>
    </message>
    <message>
        <source>Class to run as a core:</source>
        <translation>作为核心运行的类：</translation>
    </message>
    <message>
        <source>Python core not loaded</source>
        <translation>未能加载 Python 核心</translation>
    </message>
</context>
<context>
    <name>Recommender</name>
    <message>
        <source>Uniformly random available items: the floor every learning core must beat</source>
        <translation>均匀随机的可售商品：所有学习型推荐核心都必须超越的底线</translation>
    </message>
    <message>
        <source>Most interacted-with items (view 1, favourite 2, cart 3, purchase 5), optionally time-decayed</source>
        <translation>交互最多的商品（浏览 1、收藏 2、加购 3、购买 5），可选时间衰减</translation>
    </message>
    <message>
        <source>Items whose recent activity outpaces their baseline, weighted by the shopper&apos;s categories</source>
        <translation>近期热度超过其基线的商品，按顾客偏好的类目加权</translation>
    </message>
    <message>
        <source>The shopper&apos;s own recently viewed, carted and bought items (re-view and re-buy)</source>
        <translation>顾客自己最近浏览、加购和购买过的商品（再次浏览与复购）</translation>
    </message>
    <message>
        <source>Popularity within the shopper&apos;s demographic segment: the new-user answer</source>
        <translation>顾客所属人口属性分群内的流行度：新用户的答案</translation>
    </message>
    <message>
        <source>Shoppers with similar behaviour (cosine or Pearson), found incrementally through shared items</source>
        <translation>行为相似的顾客（余弦或皮尔逊相关），通过共同商品增量地找到</translation>
    </message>
    <message>
        <source>Session-kNN: items of past sessions most similar to the running one (recency-weighted)</source>
        <translation>会话 kNN：与当前会话最相似的历史会话中的商品（按时间远近加权）</translation>
    </message>
    <message>
        <source>First-order Markov chain: what shoppers looked at next after the current item</source>
        <translation>一阶马尔可夫链：顾客在当前商品之后接着看了什么</translation>
    </message>
    <message>
        <source>Online matrix factorisation: one SGD step per event, with sampled negatives</source>
        <translation>在线矩阵分解：每个事件一步 SGD，使用采样负例</translation>
    </message>
    <message>
        <source>Bayesian personalised ranking: pairwise SGD on (bought/viewed, sampled) item pairs</source>
        <translation>贝叶斯个性化排序（BPR）：在（购买/浏览，采样）商品对上做成对 SGD</translation>
    </message>
    <message>
        <source>Implicit ALS, retrained periodically, folding in new users between retrains</source>
        <translation>隐式反馈 ALS，定期重新训练，两次训练之间折叠加入新用户</translation>
    </message>
    <message>
        <source>Neural collaborative filtering: embeddings + MLP (NeuMF), trained online in mini-batches</source>
        <translation>神经协同过滤：嵌入 + 多层感知机（NeuMF），以小批量在线训练</translation>
    </message>
    <message>
        <source>Epsilon-greedy bandit over items: best observed CTRs, random exploration per slot</source>
        <translation>商品上的 ε-贪心老虎机：观测点击率最高者，每个位置随机探索</translation>
    </message>
    <message>
        <source>UCB1 bandit over items: observed CTR plus an optimism bonus for rarely shown items</source>
        <translation>商品上的 UCB1 老虎机：观测点击率加上对少展示商品的乐观奖励</translation>
    </message>
    <message>
        <source>Thompson sampling over items with Beta-Bernoulli click models</source>
        <translation>商品上的汤普森采样，使用 Beta-伯努利点击模型</translation>
    </message>
    <message>
        <source>LinUCB: contextual bandit over item features and the shopper&apos;s category interest</source>
        <translation>LinUCB：基于商品特征和顾客类目兴趣的上下文老虎机</translation>
    </message>
    <message>
        <source>Switching hybrid: demographic for new shoppers, then content, then collaborative filtering</source>
        <translation>切换式混合：新顾客用人口属性，然后基于内容，再到协同过滤</translation>
    </message>
    <message>
        <source>Weighted blend of any registered cores by rank (e.g. itemknn:0.5,content:0.3,popularity:0.2)</source>
        <translation>按排名加权融合任意已注册推荐核心（例如 itemknn:0.5,content:0.3,popularity:0.2）</translation>
    </message>
    <message>
        <source>Re-ranker: diversifies any core&apos;s slate by maximal marginal relevance</source>
        <translation>重排序器：用最大边际相关性（MMR）使任意推荐核心的列表多样化</translation>
    </message>
    <message>
        <source>Re-ranker: never shows an item to a shopper more than N times a day</source>
        <translation>重排序器：同一商品每天向同一顾客展示不超过 N 次</translation>
    </message>
    <message>
        <source>Re-ranker: business rules on any core (drop out-of-stock, boost promoted items)</source>
        <translation>重排序器：对任意推荐核心应用业务规则（剔除缺货商品、提升促销商品）</translation>
    </message>
    <message>
        <source>Upper bound: the items with the highest true utility for the shopper (reads the simulator)</source>
        <translation>上界：对该顾客真实效用最高的商品（读取模拟器真值）</translation>
    </message>
    <message>
        <source>Lower bound: the items with the lowest true utility for the shopper (reads the simulator)</source>
        <translation>下界：对该顾客真实效用最低的商品（读取模拟器真值）</translation>
    </message>
    <message>
        <source>GRU4Rec: a recurrent network (GRU) over the shopper&apos;s session predicts the next item; trained online with a softmax over sampled negatives</source>
        <translation>GRU4Rec：在顾客会话上运行的循环神经网络（GRU）预测下一个商品；以对采样负例的 softmax 在线训练</translation>
    </message>
    <message>
        <source>SASRec: a self-attention block (learned positions, projections, feed-forward) over the shopper&apos;s recent items predicts the next one</source>
        <translation>SASRec：在顾客近期商品上的自注意力模块（可学习位置、投影、前馈层）预测下一个商品</translation>
    </message>
    <message>
        <source>Wide &amp; Deep: a linear model over crossed features (demographics, surface, last category x category) plus an MLP over embeddings, trained jointly</source>
        <translation>Wide &amp; Deep：交叉特征（人口属性、页面位置、最近类目×类目）上的线性模型加嵌入上的多层感知机，联合训练</translation>
    </message>
    <message>
        <source>Item-item co-occurrence similarity co/sqrt(n_i n_j) in shoppers&apos; recent histories, learnt online (also-bought)</source>
        <translation>顾客近期历史中商品间的共现相似度 co/sqrt(n_i n_j)，在线学习（“买了又买”）</translation>
    </message>
    <message>
        <source>Attention-lite: the latest item attends over the shopper&apos;s recent items (one head, no projections or positions) to predict the next one</source>
        <translation>轻量注意力：最新商品对顾客近期商品做注意力（单头，无投影与位置编码），预测下一个商品</translation>
    </message>
    <message>
        <source>Re-ranker: reserves a share of each slate for long-tail items (an exposure floor for the catalogue&apos;s tail)</source>
        <translation>重排器：在每个推荐位中为长尾商品保留一定比例（商品目录长尾的曝光下限）</translation>
    </message>
    <message>
        <source>Re-ranker: demotes items forecast to sell out within a horizon of days</source>
        <translation>重排器：降低预计在若干天内售罄的商品的排名</translation>
    </message>
    <message>
        <source>Re-ranker: narrows the CTR gap between groups of shoppers by re-ranking the slates of worse-served groups with what their group clicks</source>
        <translation>重排器：按服务较差群体自己点击的商品重排其推荐列表，缩小购物者群体之间的点击率差距</translation>
    </message>
    <message>
        <source>TF-IDF of titles and tags plus category, brand and price band, matched to a decayed profile (seeded from the signup questionnaire&apos;s stated categories)</source>
        <translation>标题与标签的 TF-IDF 加上类目、品牌和价格段，与随时间衰减的用户画像匹配（画像以注册问卷中填写的类目为起点）</translation>
    </message>
</context>
<context>
    <name>RecommenderFamily</name>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>content</source>
        <translation>基于内容</translation>
    </message>
    <message>
        <source>demographic</source>
        <translation>人口属性</translation>
    </message>
    <message>
        <source>neighbourhood</source>
        <translation>近邻</translation>
    </message>
    <message>
        <source>session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>factorisation</source>
        <translation>矩阵分解</translation>
    </message>
    <message>
        <source>neural</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <source>bandit</source>
        <translation>多臂老虎机</translation>
    </message>
    <message>
        <source>hybrid</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>re-ranker</source>
        <translation>重排序</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>上下界</translation>
    </message>
    <message>
        <source>external cores</source>
        <translation>外部核心</translation>
    </message>
</context>
<context>
    <name>RecommenderParam</name>
    <message>
        <source>Half-life of an interaction&apos;s weight in simulated hours; 0 = no decay (all-time counts)</source>
        <translation>交互权重的半衰期（模拟小时）；0 = 不衰减（全时段计数）</translation>
    </message>
    <message>
        <source>Half-life of the &apos;recent activity&apos; count (hours)</source>
        <translation>“近期热度”计数的半衰期（小时）</translation>
    </message>
    <message>
        <source>Half-life of the baseline count (hours)</source>
        <translation>基线计数的半衰期（小时）</translation>
    </message>
    <message>
        <source>Damping added to the baseline so a few views are not a trend</source>
        <translation>加到基线上的阻尼，使少量浏览不构成趋势</translation>
    </message>
    <message>
        <source>How much the shopper&apos;s share of interest in a top category boosts its items</source>
        <translation>顾客对某一级类目的兴趣占比对该类目商品的提升程度</translation>
    </message>
    <message>
        <source>Interactions remembered per user</source>
        <translation>每位用户记住的交互数</translation>
    </message>
    <message>
        <source>Half-life of an interaction&apos;s pull (hours)</source>
        <translation>交互吸引力的半衰期（小时）</translation>
    </message>
    <message>
        <source>Multiplier of purchases (0 = never suggest re-buying)</source>
        <translation>购买的权重倍数（0 = 从不建议复购）</translation>
    </message>
    <message>
        <source>Strongest features kept in each user&apos;s profile</source>
        <translation>每个用户画像中保留的最强特征数</translation>
    </message>
    <message>
        <source>Half-life of an interaction in the profile (hours)</source>
        <translation>画像中交互的半衰期（小时）</translation>
    </message>
    <message>
        <source>Weight of category/brand/price features against words</source>
        <translation>类目/品牌/价格特征相对于词语的权重</translation>
    </message>
    <message>
        <source>Weight of the viewed product on product pages</source>
        <translation>商品详情页上当前浏览商品的权重</translation>
    </message>
    <message>
        <source>Weight of the popularity prior among matching items</source>
        <translation>匹配商品中流行度先验的权重</translation>
    </message>
    <message>
        <source>Demographic key that defines a segment</source>
        <translation>定义分群的人口属性键</translation>
    </message>
    <message>
        <source>Pseudo-interactions pulling a segment towards global popularity</source>
        <translation>把分群拉向全局流行度的伪交互数</translation>
    </message>
    <message>
        <source>Half-life of an interaction (hours); 0 = no decay</source>
        <translation>交互的半衰期（小时）；0 = 不衰减</translation>
    </message>
    <message>
        <source>Recent interactions per user that a new interaction co-occurs with</source>
        <translation>与新交互构成共现的每位用户近期交互数</translation>
    </message>
    <message>
        <source>Co-occurrence slots kept per item (bounds memory; weakest replaced)</source>
        <translation>每件商品保留的共现槽位数（限制内存；替换最弱者）</translation>
    </message>
    <message>
        <source>Similarity between behaviour vectors</source>
        <translation>行为向量之间的相似度</translation>
    </message>
    <message>
        <source>Most similar shoppers whose choices are used</source>
        <translation>使用其选择的最相似顾客数</translation>
    </message>
    <message>
        <source>Strongest items kept per shopper&apos;s behaviour vector</source>
        <translation>每位顾客行为向量中保留的最强商品数</translation>
    </message>
    <message>
        <source>Recent shoppers remembered per item (candidate neighbours)</source>
        <translation>每件商品记住的近期顾客数（候选近邻）</translation>
    </message>
    <message>
        <source>Inactivity that ends a session (minutes)</source>
        <translation>结束会话的无操作时长（分钟）</translation>
    </message>
    <message>
        <source>Latest distinct items kept per session</source>
        <translation>每个会话保留的最新不同商品数</translation>
    </message>
    <message>
        <source>Recent sessions remembered per item</source>
        <translation>每件商品记住的近期会话数</translation>
    </message>
    <message>
        <source>Most similar past sessions used</source>
        <translation>使用的最相似历史会话数</translation>
    </message>
    <message>
        <source>Longest gap between two steps of a transition (minutes)</source>
        <translation>一次转移中两步之间的最长间隔（分钟）</translation>
    </message>
    <message>
        <source>Next-item slots kept per item (weakest replaced)</source>
        <translation>每件商品保留的后继商品槽位数（替换最弱者）</translation>
    </message>
    <message>
        <source>Weight of the item before the current one</source>
        <translation>当前商品之前那件商品的权重</translation>
    </message>
    <message>
        <source>Latent dimensions</source>
        <translation>隐因子维度</translation>
    </message>
    <message>
        <source>SGD step size</source>
        <translation>SGD 步长</translation>
    </message>
    <message>
        <source>L2 penalty on factors and biases</source>
        <translation>因子和偏置的 L2 惩罚</translation>
    </message>
    <message>
        <source>Negative items sampled per positive event</source>
        <translation>每个正例事件采样的负例商品数</translation>
    </message>
    <message>
        <source>Recent positives of the same user trained again per event</source>
        <translation>每个事件重新训练的同一用户近期正例数</translation>
    </message>
    <message>
        <source>Weight of the viewed product&apos;s factors on product pages</source>
        <translation>商品详情页上当前浏览商品因子的权重</translation>
    </message>
    <message>
        <source>Negative items sampled per positive (pairs)</source>
        <translation>每个正例采样的负例商品数（商品对）</translation>
    </message>
    <message>
        <source>Confidence growth per unit of implicit weight</source>
        <translation>每单位隐式权重的置信度增长</translation>
    </message>
    <message>
        <source>L2 penalty</source>
        <translation>L2 惩罚</translation>
    </message>
    <message>
        <source>Events between full retrains</source>
        <translation>两次完整重训之间的事件数</translation>
    </message>
    <message>
        <source>ALS sweeps per retrain</source>
        <translation>每次重训的 ALS 迭代轮数</translation>
    </message>
    <message>
        <source>Strongest items kept per user</source>
        <translation>每位用户保留的最强商品数</translation>
    </message>
    <message>
        <source>Embedding size of users and items</source>
        <translation>用户和商品的嵌入维度</translation>
    </message>
    <message>
        <source>Units of the MLP&apos;s hidden layer</source>
        <translation>多层感知机隐藏层的单元数</translation>
    </message>
    <message>
        <source>Samples per mini-batch update of the shared weights</source>
        <translation>共享权重每次小批量更新的样本数</translation>
    </message>
    <message>
        <source>Sampled negative items per positive event</source>
        <translation>每个正例事件采样的负例商品数</translation>
    </message>
    <message>
        <source>Recent items the model attends over</source>
        <translation>模型关注的近期商品数</translation>
    </message>
    <message>
        <source>Embedding size</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>Sampled negative items per event</source>
        <translation>每个事件采样的负例商品数</translation>
    </message>
    <message>
        <source>Items older than this leave the sequence</source>
        <translation>早于此时长的商品移出序列</translation>
    </message>
    <message>
        <source>Probability that a slot shows a random item</source>
        <translation>某个位置展示随机商品的概率</translation>
    </message>
    <message>
        <source>Beta prior: pseudo-clicks of an unseen item</source>
        <translation>Beta 先验：未展示商品的伪点击数</translation>
    </message>
    <message>
        <source>Beta prior: pseudo-skips of an unseen item</source>
        <translation>Beta 先验：未展示商品的伪跳过数</translation>
    </message>
    <message>
        <source>Scale c of the confidence bonus c*sqrt(2 ln N / n)</source>
        <translation>置信奖励 c*sqrt(2 ln N / n) 中的系数 c</translation>
    </message>
    <message>
        <source>Width of the upper confidence bound</source>
        <translation>置信上界的宽度</translation>
    </message>
    <message>
        <source>Ridge regularisation (A starts as ridge * I)</source>
        <translation>岭回归正则化（A 初始化为 ridge * I）</translation>
    </message>
    <message>
        <source>Slates between two solves of the ridge regression</source>
        <translation>两次求解岭回归之间的推荐列表数</translation>
    </message>
    <message>
        <source>Core for shoppers with fewer than warm_after interactions</source>
        <translation>交互数少于 warm_after 的顾客使用的推荐核心</translation>
    </message>
    <message>
        <source>Core for shoppers between warm_after and hot_after, and for new products</source>
        <translation>交互数介于 warm_after 和 hot_after 之间的顾客及新商品使用的推荐核心</translation>
    </message>
    <message>
        <source>Core once a shopper has hot_after interactions</source>
        <translation>顾客交互数达到 hot_after 后使用的推荐核心</translation>
    </message>
    <message>
        <source>Interactions after which the warm core answers</source>
        <translation>达到此交互数后由 warm 推荐核心回答</translation>
    </message>
    <message>
        <source>Interactions after which the hot core answers</source>
        <translation>达到此交互数后由 hot 推荐核心回答</translation>
    </message>
    <message>
        <source>Recent interactions a viewed product needs before the hot core may answer for it</source>
        <translation>当前浏览商品需要多少近期交互，hot 推荐核心才可以为其回答</translation>
    </message>
    <message>
        <source>Cores and weights, &apos;id:weight&apos; separated by commas</source>
        <translation>推荐核心及权重，格式为 &apos;id:权重&apos;，以逗号分隔</translation>
    </message>
    <message>
        <source>Candidates asked from each core, as a multiple of k</source>
        <translation>向每个推荐核心请求的候选数（k 的倍数）</translation>
    </message>
    <message>
        <source>Id of the core whose slates are re-ranked (built with its defaults)</source>
        <translation>被重排序列表的推荐核心 id（使用其默认参数构建）</translation>
    </message>
    <message>
        <source>Candidates asked from the inner core, as a multiple of k</source>
        <translation>向内层推荐核心请求的候选数（k 的倍数）</translation>
    </message>
    <message>
        <source>Relevance against diversity (1 = inner order kept)</source>
        <translation>相关性与多样性的权衡（1 = 保持内层顺序）</translation>
    </message>
    <message>
        <source>Most times an item is shown to one user per day</source>
        <translation>同一商品每天向同一用户展示的最多次数</translation>
    </message>
    <message>
        <source>Discount from which an item counts as promoted</source>
        <translation>商品被视为促销的最低折扣</translation>
    </message>
    <message>
        <source>Relevance added to promoted items (rank-based, 0..1)</source>
        <translation>加给促销商品的相关性（基于排名，0..1）</translation>
    </message>
    <message>
        <source>Latest session items the GRU runs over (and back-propagates through)</source>
        <translation>GRU 处理（并反向传播）的最近会话商品数</translation>
    </message>
    <message>
        <source>Item embedding size</source>
        <translation>商品嵌入维度</translation>
    </message>
    <message>
        <source>Units of the GRU&apos;s state</source>
        <translation>GRU 状态的单元数</translation>
    </message>
    <message>
        <source>Sampled negative items in the softmax of each event</source>
        <translation>每个事件的 softmax 中采样的负例商品数</translation>
    </message>
    <message>
        <source>Items older than this leave the session</source>
        <translation>早于此的商品离开会话</translation>
    </message>
    <message>
        <source>Recent items the block attends over</source>
        <translation>注意力模块关注的近期商品数</translation>
    </message>
    <message>
        <source>Item and position embedding size</source>
        <translation>商品与位置嵌入维度</translation>
    </message>
    <message>
        <source>Units of the feed-forward layer</source>
        <translation>前馈层的单元数</translation>
    </message>
    <message>
        <source>Embedding size of every field</source>
        <translation>每个字段的嵌入维度</translation>
    </message>
    <message>
        <source>Units of the MLP&apos;s first layer (the second has half as many)</source>
        <translation>多层感知机第一层的单元数（第二层为其一半）</translation>
    </message>
    <message>
        <source>Samples per mini-batch update of the MLP&apos;s weights</source>
        <translation>多层感知机权重每次小批量更新的样本数</translation>
    </message>
    <message>
        <source>Hashed slots of the wide part: 2^bits</source>
        <translation>Wide 部分的哈希槽数：2^bits</translation>
    </message>
    <message>
        <source>How the top items are found: exact scan of every item, approximate (HNSW) candidates re-scored exactly, or auto (exact below 200,000 items)</source>
        <translation>如何找出得分最高的商品：逐一扫描全部商品（exact），用近似索引（HNSW）取候选再精确重新打分（ann），或自动选择（auto：商品少于 200,000 件时精确扫描）</translation>
    </message>
    <message>
        <source>Search width of the approximate index: higher finds more of the exact top items, slower</source>
        <translation>近似索引的搜索宽度：越大越能找全精确的前几名商品，但越慢</translation>
    </message>
    <message>
        <source>Least share of each slate&apos;s places given to long-tail items</source>
        <translation>每个推荐列表中留给长尾商品的最低位置比例</translation>
    </message>
    <message>
        <source>Share of all interactions held by the short head (the rest is the long tail)</source>
        <translation>头部商品所占的交互比例（其余为长尾）</translation>
    </message>
    <message>
        <source>Items with fewer days of cover than this are demoted</source>
        <translation>库存可售天数少于此值的商品会被降级</translation>
    </message>
    <message>
        <source>Relevance taken from an item about to sell out (rank-based, 0..1)</source>
        <translation>从即将售罄的商品扣除的相关度（基于排名，0..1）</translation>
    </message>
    <message>
        <source>Smoothing weight of the newest day in the daily sales forecast</source>
        <translation>日销量预测中最新一天的平滑权重</translation>
    </message>
    <message>
        <source>Which groups of shoppers to even out</source>
        <translation>要拉平哪一类购物者群体</translation>
    </message>
    <message>
        <source>Weight of the group&apos;s clicks per unit of its CTR shortfall (0 = inner order)</source>
        <translation>群体点击数据的权重，按其点击率缺口的每个单位计（0 = 保持内层顺序）</translation>
    </message>
    <message>
        <source>lift: only groups served worse than average are re-ranked; level: groups served better also lose the items they click most</source>
        <translation>lift：只重排服务低于平均的群体；level：服务较好的群体也会失去其最常点击的商品</translation>
    </message>
    <message>
        <source>Profile weight of each category a new shopper stated at signup (onboarding questionnaire); 0 = ignore the answers</source>
        <translation>新顾客注册时填写的每个类目在画像中的权重（新用户引导问卷）；0 = 忽略回答</translation>
    </message>
</context>
<context>
    <name>RecommenderParamName</name>
    <message>
        <source>half_life_hours</source>
        <translation>半衰期（小时）</translation>
    </message>
    <message>
        <source>short_half_life_hours</source>
        <translation>短期半衰期（小时）</translation>
    </message>
    <message>
        <source>long_half_life_hours</source>
        <translation>长期半衰期（小时）</translation>
    </message>
    <message>
        <source>prior</source>
        <translation>先验阻尼</translation>
    </message>
    <message>
        <source>category_weight</source>
        <translation>类目权重</translation>
    </message>
    <message>
        <source>history</source>
        <translation>历史长度</translation>
    </message>
    <message>
        <source>rebuy_weight</source>
        <translation>复购权重</translation>
    </message>
    <message>
        <source>profile_size</source>
        <translation>画像大小</translation>
    </message>
    <message>
        <source>attribute_weight</source>
        <translation>属性权重</translation>
    </message>
    <message>
        <source>context_weight</source>
        <translation>上下文权重</translation>
    </message>
    <message>
        <source>popularity_weight</source>
        <translation>流行度权重</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>分群键</translation>
    </message>
    <message>
        <source>shrinkage</source>
        <translation>收缩强度</translation>
    </message>
    <message>
        <source>neighbours</source>
        <translation>近邻数</translation>
    </message>
    <message>
        <source>similarity</source>
        <translation>相似度度量</translation>
    </message>
    <message>
        <source>item_users</source>
        <translation>每件商品的顾客数</translation>
    </message>
    <message>
        <source>session_gap_minutes</source>
        <translation>会话间隔（分钟）</translation>
    </message>
    <message>
        <source>session_length</source>
        <translation>会话长度</translation>
    </message>
    <message>
        <source>item_sessions</source>
        <translation>每件商品的会话数</translation>
    </message>
    <message>
        <source>successors</source>
        <translation>后继商品数</translation>
    </message>
    <message>
        <source>second_order_weight</source>
        <translation>二阶权重</translation>
    </message>
    <message>
        <source>factors</source>
        <translation>隐因子数</translation>
    </message>
    <message>
        <source>learning_rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>negatives</source>
        <translation>负例数</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>重放次数</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>采样数</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>α 系数</translation>
    </message>
    <message>
        <source>retrain_events</source>
        <translation>重训间隔（事件数）</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>迭代轮数</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏单元数</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口长度</translation>
    </message>
    <message>
        <source>ffn</source>
        <translation>前馈层单元数</translation>
    </message>
    <message>
        <source>wide_bits</source>
        <translation>Wide 部分位数</translation>
    </message>
    <message>
        <source>epsilon</source>
        <translation>ε（探索概率）</translation>
    </message>
    <message>
        <source>prior_clicks</source>
        <translation>先验点击数</translation>
    </message>
    <message>
        <source>prior_skips</source>
        <translation>先验跳过数</translation>
    </message>
    <message>
        <source>exploration</source>
        <translation>探索系数</translation>
    </message>
    <message>
        <source>ridge</source>
        <translation>岭系数</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>刷新间隔</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>新顾客核心</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>成长期顾客核心</translation>
    </message>
    <message>
        <source>hot</source>
        <translation>老顾客核心</translation>
    </message>
    <message>
        <source>warm_after</source>
        <translation>成长期阈值</translation>
    </message>
    <message>
        <source>hot_after</source>
        <translation>老顾客阈值</translation>
    </message>
    <message>
        <source>item_hot_after</source>
        <translation>商品热度阈值</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>推荐核心及权重</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>候选池倍数</translation>
    </message>
    <message>
        <source>inner</source>
        <translation>内层推荐核心</translation>
    </message>
    <message>
        <source>lambda</source>
        <translation>λ（相关性权重）</translation>
    </message>
    <message>
        <source>cap</source>
        <translation>每日展示上限</translation>
    </message>
    <message>
        <source>min_discount</source>
        <translation>最低折扣</translation>
    </message>
    <message>
        <source>boost</source>
        <translation>促销加成</translation>
    </message>
    <message>
        <source>retrieval</source>
        <translation>检索方式</translation>
    </message>
    <message>
        <source>ann_ef</source>
        <translation>近似搜索宽度</translation>
    </message>
    <message>
        <source>floor</source>
        <translation>长尾下限</translation>
    </message>
    <message>
        <source>head_mass</source>
        <translation>头部交互占比</translation>
    </message>
    <message>
        <source>horizon_days</source>
        <translation>预警天数</translation>
    </message>
    <message>
        <source>demotion</source>
        <translation>降级幅度</translation>
    </message>
    <message>
        <source>attribute</source>
        <translation>群体属性</translation>
    </message>
    <message>
        <source>strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>stated_weight</source>
        <translation>填写类目权重</translation>
    </message>
</context>
<context>
    <name>RunExporter</name>
    <message>
        <source>No run store is open.</source>
        <translation>没有打开的运行数据库。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 个文件到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScenarioChoice</name>
    <message>
        <source>position</source>
        <translation>位置模型</translation>
    </message>
    <message>
        <source>cascade</source>
        <translation>级联模型</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>uplift</source>
        <translation>增益定向</translation>
    </message>
    <message>
        <source>price_sensitive</source>
        <translation>价格敏感者</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>按类目</translation>
    </message>
</context>
<context>
    <name>ScenarioField</name>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Duration (days)</source>
        <translation>时长（天）</translation>
    </message>
    <message>
        <source>Simulated days the run covers.</source>
        <translation>运行覆盖的模拟天数。</translation>
    </message>
    <message>
        <source>Metric bucket (hours)</source>
        <translation>指标时间桶（小时）</translation>
    </message>
    <message>
        <source>Slate size</source>
        <translation>推荐列表长度</translation>
    </message>
    <message>
        <source>Hidden taste dimensions</source>
        <translation>隐含偏好维度</translation>
    </message>
    <message>
        <source>Size of the hidden user and item vectors the shoppers act on.</source>
        <translation>顾客决策所依据的隐含用户与商品向量的维度。</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>Top categories</source>
        <translation>一级类目数</translation>
    </message>
    <message>
        <source>Subcategories per top category</source>
        <translation>每个一级类目的子类目数</translation>
    </message>
    <message>
        <source>Brands per category</source>
        <translation>每个类目的品牌数</translation>
    </message>
    <message>
        <source>Median price</source>
        <translation>价格中位数</translation>
    </message>
    <message>
        <source>Median list price; prices are log-normal around it.</source>
        <translation>标价的中位数；价格围绕它呈对数正态分布。</translation>
    </message>
    <message>
        <source>Price spread</source>
        <translation>价格离散度</translation>
    </message>
    <message>
        <source>Popularity long tail</source>
        <translation>流行度长尾</translation>
    </message>
    <message>
        <source>Category coherence</source>
        <translation>类目一致性</translation>
    </message>
    <message>
        <source>Shoppers</source>
        <translation>顾客数</translation>
    </message>
    <message>
        <source>Activity skew</source>
        <translation>活跃度偏斜</translation>
    </message>
    <message>
        <source>Demographic signal</source>
        <translation>人口属性信号</translation>
    </message>
    <message>
        <source>Sessions per day</source>
        <translation>每日会话数</translation>
    </message>
    <message>
        <source>Hourly rhythm</source>
        <translation>每小时节律</translation>
    </message>
    <message>
        <source>Position bias</source>
        <translation>位置偏差</translation>
    </message>
    <message>
        <source>No-click utility</source>
        <translation>不点击效用</translation>
    </message>
    <message>
        <source>Continue probability</source>
        <translation>继续概率</translation>
    </message>
    <message>
        <source>Price sensitivity</source>
        <translation>价格敏感度</translation>
    </message>
    <message>
        <source>Seconds between steps</source>
        <translation>步骤间隔（秒）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式版本</translation>
    </message>
    <message>
        <source>File format version.</source>
        <translation>文件格式版本。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Shown in lists and stored with runs.</source>
        <translation>显示在列表中，并随运行一起保存。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>One paragraph shown in the workbench and by list-scenarios.</source>
        <translation>一段说明，显示在工作台中，也由 list-scenarios 输出。</translation>
    </message>
    <message>
        <source>The run&apos;s random seed: the same scenario, seed and core give the same events. The command line&apos;s --seed overrides it; every random stream derives from it.</source>
        <translation>本次运行的随机种子：相同的场景、种子和推荐核心会产生相同的事件。命令行的 --seed 会覆盖它；所有随机流都由它派生。</translation>
    </message>
    <message>
        <source>Width of a metrics bucket in simulated hours: one chart point and one stored sample per bucket.</source>
        <translation>指标时间桶的宽度（模拟小时）：每个时间桶对应图表上的一个点和一条保存的样本。</translation>
    </message>
    <message>
        <source>Items per recommendation slate (k).</source>
        <translation>每个推荐列表中的商品数（k）。</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>商品目录</translation>
    </message>
    <message>
        <source>The items: categories, brands, prices, stock and discounts.</source>
        <translation>商品：类目、品牌、价格、库存和折扣。</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人群</translation>
    </message>
    <message>
        <source>The shoppers: how many, how active, their demographics and tastes.</source>
        <translation>顾客：人数、活跃程度、人口属性和偏好。</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <source>How shoppers visit, look at slates, click, buy and leave.</source>
        <translation>顾客如何访问、查看推荐列表、点击、购买和离开。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Dated events: promotions, launches, cohorts, stock shocks and seasons.</source>
        <translation>带日期的事件：促销、上新、新用户群、库存冲击和季节。</translation>
    </message>
    <message>
        <source>Items of the base catalogue; timeline launches add more, 2,000,000 in all at most.</source>
        <translation>基础商品目录中的商品数；时间线上的上新会再增加商品，总数最多 2,000,000。</translation>
    </message>
    <message>
        <source>Top-level departments of the category tree (the first 18 have names: Kitchen, Fashion, Electronics, Books, ...).</source>
        <translation>类目树的一级部门数（前 18 个有名称：厨房、时尚、电子、图书……）。</translation>
    </message>
    <message>
        <source>Second-level categories under each department.</source>
        <translation>每个部门下的二级类目数。</translation>
    </message>
    <message>
        <source>Leaves per subcategory</source>
        <translation>每个子类目的叶类目数</translation>
    </message>
    <message>
        <source>0: a two-level tree (items sit in subcategories); n &gt;= 1: a three-level tree with n leaves under each subcategory. The tree has at most 200,000 categories.</source>
        <translation>0：两级类目树（商品位于子类目中）；n &gt;= 1：三级类目树，每个子类目下有 n 个叶类目。类目树最多有 200,000 个类目。</translation>
    </message>
    <message>
        <source>Category size skew</source>
        <translation>类目规模偏斜</translation>
    </message>
    <message>
        <source>Zipf exponent of leaf category sizes (0 = equal sizes; larger = a longer tail).</source>
        <translation>叶类目规模的 Zipf 指数（0 = 规模相同；越大尾部越长）。</translation>
    </message>
    <message>
        <source>Brands per leaf category (at most 2,000,000 brands in all).</source>
        <translation>每个叶类目的品牌数（品牌总数最多 2,000,000）。</translation>
    </message>
    <message>
        <source>Log-normal spread of prices within a category (each category also has its own price level, spread 0.5).</source>
        <translation>类目内价格的对数正态离散程度（每个类目还有自己的价格水平，离散度 0.5）。</translation>
    </message>
    <message>
        <source>Tags per item</source>
        <translation>每件商品的标签数</translation>
    </message>
    <message>
        <source>Title and tag words per item, drawn from its department&apos;s vocabulary.</source>
        <translation>每件商品的标题和标签词数，从其所属部门的词汇中抽取。</translation>
    </message>
    <message>
        <source>Vocabulary per department</source>
        <translation>每个部门的词汇量</translation>
    </message>
    <message>
        <source>Words in each department&apos;s vocabulary.</source>
        <translation>每个部门词汇表中的词数。</translation>
    </message>
    <message>
        <source>Spread of the items&apos; hidden intrinsic appeal: larger means a longer tail of popularity.</source>
        <translation>商品隐含内在吸引力的离散程度：越大则流行度长尾越长。</translation>
    </message>
    <message>
        <source>How much an item&apos;s hidden vector follows its category (0 = none, 1 = entirely); tags and brand follow it too, so content-based cores have a signal.</source>
        <translation>商品隐含向量跟随其类目的程度（0 = 完全不跟随，1 = 完全跟随）；标签和品牌也随之变化，因此基于内容的推荐核心有信号可学。</translation>
    </message>
    <message>
        <source>Launch share</source>
        <translation>上新比例</translation>
    </message>
    <message>
        <source>Share of the base catalogue that launches during the run, at uniform random times (new-item cold start).</source>
        <translation>基础商品目录中在运行期间上新的比例，上新时间均匀随机（新商品冷启动）。</translation>
    </message>
    <message>
        <source>Mean stock</source>
        <translation>平均库存</translation>
    </message>
    <message>
        <source>Mean initial stock per item (log-normal, at least 1); 0 means unlimited stock.</source>
        <translation>每件商品的平均初始库存（对数正态，至少为 1）；0 表示库存无限。</translation>
    </message>
    <message>
        <source>Restock delay</source>
        <translation>补货延迟</translation>
    </message>
    <message>
        <source>Mean days from a stock-out to the restock; each item draws its own lead time (exponential) and is restocked to its initial stock.</source>
        <translation>从缺货到补货的平均天数；每件商品抽取自己的补货周期（指数分布），并补回初始库存。</translation>
    </message>
    <message>
        <source>Discounted share</source>
        <translation>折扣商品比例</translation>
    </message>
    <message>
        <source>Share of items with a standing discount.</source>
        <translation>长期打折商品的比例。</translation>
    </message>
    <message>
        <source>Largest discount</source>
        <translation>最大折扣</translation>
    </message>
    <message>
        <source>Standing discounts are uniform between 0.05 and this value.</source>
        <translation>长期折扣在 0.05 与此值之间均匀分布。</translation>
    </message>
    <message>
        <source>Consumable share</source>
        <translation>消耗品比例</translation>
    </message>
    <message>
        <source>Share of consumables, bought again after behaviour.consumable_cycle_days.</source>
        <translation>消耗品的比例，在 behaviour.consumable_cycle_days 之后会被再次购买。</translation>
    </message>
    <message>
        <source>Successors per item</source>
        <translation>每件商品的后继商品数</translation>
    </message>
    <message>
        <source>Hidden successor (complement) items per item, mostly from a sibling category: what a shopper tends to look at next. The sequence signal session-based cores learn.</source>
        <translation>每件商品隐含的后继（互补）商品数，大多来自同级类目：顾客接下来倾向于查看的商品。这是基于会话的推荐核心所学习的序列信号。</translation>
    </message>
    <message>
        <source>Shoppers at the start; timeline cohorts add more, 2,000,000 in all at most.</source>
        <translation>初始顾客数；时间线上的新用户群会再增加顾客，总数最多 2,000,000。</translation>
    </message>
    <message>
        <source>Pareto shape of activity (relative visit rate), truncated at 100 times the least active: smaller means a few very active shoppers and many rare ones.</source>
        <translation>活跃度（相对访问率）的帕累托形状参数，截断于最不活跃者的 100 倍：越小表示少数顾客非常活跃、多数顾客很少来访。</translation>
    </message>
    <message>
        <source>Age bands</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <source>Weights of the age bands under 18, 18-24, 25-34, 35-44, 45-54 and 55 or over.</source>
        <translation>年龄段权重：18 岁以下、18-24、25-34、35-44、45-54、55 岁及以上。</translation>
    </message>
    <message>
        <source>Genders</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Weights of female, male and other.</source>
        <translation>女性、男性和其他的权重。</translation>
    </message>
    <message>
        <source>Occupations</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Weights of student, employee, self-employed, manager, retired and other.</source>
        <translation>学生、雇员、自雇者、管理者、退休者和其他的权重。</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>One weight per region.</source>
        <translation>每个地区一个权重。</translation>
    </message>
    <message>
        <source>Share of a shopper&apos;s hidden taste explained by their demographic groups: how much signal demographic cold-start strategies have.</source>
        <translation>顾客隐含偏好中可由其人口属性群体解释的比例：即基于人口属性的冷启动策略能获得多少信号。</translation>
    </message>
    <message>
        <source>Price sensitivity spread</source>
        <translation>价格敏感度离散度</translation>
    </message>
    <message>
        <source>Log-normal spread (mean 1) of each shopper&apos;s price-sensitivity multiplier.</source>
        <translation>每位顾客价格敏感度乘数的对数正态离散程度（均值为 1）。</translation>
    </message>
    <message>
        <source>Brand loyalty</source>
        <translation>品牌忠诚度</translation>
    </message>
    <message>
        <source>Mean utility bonus (exponential per shopper) for brands the shopper bought before.</source>
        <translation>顾客对以前购买过的品牌的平均效用加成（每位顾客服从指数分布）。</translation>
    </message>
    <message>
        <source>Habit strength</source>
        <translation>习惯强度</translation>
    </message>
    <message>
        <source>How strongly shoppers keep to their favourite hour of day (drawn from behaviour.hourly): 0 = any hour, 1 = only around it (within 3 hours).</source>
        <translation>顾客坚持在自己偏好时段（从 behaviour.hourly 中抽取）访问的程度：0 = 任意时段，1 = 只在该时段附近（3 小时以内）。</translation>
    </message>
    <message>
        <source>Expected visits per day of the initial population at the start; cohorts add theirs, satisfaction and churn move it during the run.</source>
        <translation>初始人群在开始时的每日预期访问次数；新用户群会增加各自的访问，满意度和流失会在运行中改变它。</translation>
    </message>
    <message>
        <source>Relative visit rate for each of the 24 hours of the day, 0:00 first.</source>
        <translation>一天 24 个小时各自的相对访问率，从 0:00 开始。</translation>
    </message>
    <message>
        <source>Weekly rhythm</source>
        <translation>每周节律</translation>
    </message>
    <message>
        <source>Relative visit rate for each day of the week, Monday first.</source>
        <translation>一周中每一天的相对访问率，从星期一开始。</translation>
    </message>
    <message>
        <source>Start surfaces</source>
        <translation>访问起始页面</translation>
    </message>
    <message>
        <source>Where a visit starts: home feed, search, a product page (from outside), the cart or order page (suggestions for the last purchase).</source>
        <translation>访问的起始位置：首页推荐流、搜索、（从站外进入的）商品页、购物车或订单页（针对上次购买的推荐）。</translation>
    </message>
    <message>
        <source>Position p of a slate is examined with weight bias^p (1 = no position bias); in cascade mode, the probability to go on to the next position.</source>
        <translation>推荐列表第 p 位以权重 bias^p 被查看（1 = 无位置偏差）；在级联模式下，为继续查看下一位的概率。</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>浏览模式</translation>
    </message>
    <message>
        <source>position: a multinomial logit over the slate plus a no-click option, position p weighted by position_bias^p. cascade: scan from the top, click with the logistic of (utility - no_click_utility), stop at the first click.</source>
        <translation>position：在推荐列表和一个不点击选项上的多项 logit 模型，第 p 位的权重为 position_bias^p。cascade：从顶部开始逐个查看，以 (效用 - no_click_utility) 的 logistic 概率点击，在第一次点击时停止。</translation>
    </message>
    <message>
        <source>Utility of not clicking, the outside option every decision compares against: higher means fewer clicks.</source>
        <translation>不点击的效用，即每次决策所比较的外部选项：越高则点击越少。</translation>
    </message>
    <message>
        <source>Affinity weight</source>
        <translation>偏好匹配权重</translation>
    </message>
    <message>
        <source>Weight of the hidden user-item affinity in the utility (scaled by the square root of latent_dim, so it means the same in any dimension).</source>
        <translation>效用中隐含用户-商品匹配度的权重（按 latent_dim 的平方根缩放，因此在任何维度下含义相同）。</translation>
    </message>
    <message>
        <source>Utility lost per unit of log(price / median price), times the shopper&apos;s own multiplier.</source>
        <translation>每单位 log(价格 / 价格中位数) 损失的效用，再乘以顾客自己的乘数。</translation>
    </message>
    <message>
        <source>Discount weight</source>
        <translation>折扣权重</translation>
    </message>
    <message>
        <source>Utility per unit of current discount (30 % off adds 0.3 times this).</source>
        <translation>每单位当前折扣带来的效用（打七折即 30 % 折扣时增加此值的 0.3 倍）。</translation>
    </message>
    <message>
        <source>Probability that a visit goes on after each step (geometric visit length, mean 1/(1-p) steps).</source>
        <translation>每一步之后访问继续进行的概率（访问长度服从几何分布，平均 1/(1-p) 步）。</translation>
    </message>
    <message>
        <source>Organic move probability</source>
        <translation>自然浏览概率</translation>
    </message>
    <message>
        <source>Probability that a step without a click becomes an organic move (successor, search or browse) instead of going back home.</source>
        <translation>没有点击的一步转为自然浏览（后继商品、搜索或类目浏览）而不是返回首页的概率。</translation>
    </message>
    <message>
        <source>Sequence strength</source>
        <translation>序列强度</translation>
    </message>
    <message>
        <source>Probability that an organic move follows one of the current item&apos;s hidden successors.</source>
        <translation>自然浏览跟随当前商品某个隐含后继商品的概率。</translation>
    </message>
    <message>
        <source>Sequence boost</source>
        <translation>序列加成</translation>
    </message>
    <message>
        <source>Utility bonus of the current item&apos;s successors in a slate (what the shopper wants next).</source>
        <translation>推荐列表中当前商品的后继商品获得的效用加成（顾客接下来想要的商品）。</translation>
    </message>
    <message>
        <source>Item fatigue</source>
        <translation>商品疲劳</translation>
    </message>
    <message>
        <source>Utility lost per remembered impression of the same item.</source>
        <translation>同一商品每次被记住的曝光所损失的效用。</translation>
    </message>
    <message>
        <source>Category fatigue</source>
        <translation>类目疲劳</translation>
    </message>
    <message>
        <source>Utility lost per remembered impression of the same leaf category.</source>
        <translation>同一叶类目每次被记住的曝光所损失的效用。</translation>
    </message>
    <message>
        <source>Fatigue half-life</source>
        <translation>疲劳半衰期</translation>
    </message>
    <message>
        <source>Fatigue halves every this many simulated hours.</source>
        <translation>疲劳每经过这么多模拟小时减半。</translation>
    </message>
    <message>
        <source>Fatigue memory</source>
        <translation>疲劳记忆</translation>
    </message>
    <message>
        <source>Impressions remembered per shopper (8 bytes each per shopper).</source>
        <translation>每位顾客记住的曝光数（每位顾客每条 8 字节）。</translation>
    </message>
    <message>
        <source>Repurchase penalty</source>
        <translation>复购惩罚</translation>
    </message>
    <message>
        <source>Utility lost by an item the shopper bought (one of their last four purchases).</source>
        <translation>顾客已购买商品（最近四次购买之一）损失的效用。</translation>
    </message>
    <message>
        <source>Consumable cycle</source>
        <translation>消耗品周期</translation>
    </message>
    <message>
        <source>For consumables the repurchase penalty fades to 0 over this many days.</source>
        <translation>对于消耗品，复购惩罚在这么多天内逐渐降为 0。</translation>
    </message>
    <message>
        <source>Promotion pull</source>
        <translation>促销吸引力</translation>
    </message>
    <message>
        <source>Share of organic browses drawn to promoted items while a promotion runs (the banner effect).</source>
        <translation>促销进行期间被吸引到促销商品的自然浏览比例（横幅效应）。</translation>
    </message>
    <message>
        <source>Favourite offset</source>
        <translation>收藏偏移</translation>
    </message>
    <message>
        <source>Logistic offset: P(favourite) = logistic(surplus + offset), where surplus = utility - no_click_utility.</source>
        <translation>logistic 偏移：P(收藏) = logistic(盈余 + 偏移)，其中盈余 = 效用 - no_click_utility。</translation>
    </message>
    <message>
        <source>Add-to-cart offset</source>
        <translation>加购偏移</translation>
    </message>
    <message>
        <source>Logistic offset: P(add to cart) = logistic(surplus + offset).</source>
        <translation>logistic 偏移：P(加入购物车) = logistic(盈余 + 偏移)。</translation>
    </message>
    <message>
        <source>Purchase offset</source>
        <translation>购买偏移</translation>
    </message>
    <message>
        <source>At the end of the visit, P(buy a carted item) = logistic(surplus / 2 + offset); otherwise the cart line is abandoned.</source>
        <translation>访问结束时，P(购买购物车中的商品) = logistic(盈余 / 2 + 偏移)；否则该购物车条目被放弃。</translation>
    </message>
    <message>
        <source>Cart removal probability</source>
        <translation>移出购物车概率</translation>
    </message>
    <message>
        <source>Probability that a cart line is taken out before checkout.</source>
        <translation>结账前购物车条目被移出的概率。</translation>
    </message>
    <message>
        <source>Mean simulated seconds between two steps of a visit (exponential).</source>
        <translation>一次访问中两步之间的平均模拟秒数（指数分布）。</translation>
    </message>
    <message>
        <source>Satisfaction gain</source>
        <translation>满意度提升</translation>
    </message>
    <message>
        <source>A visit with a click or a purchase moves the shopper&apos;s return weight this share of the way to 1.</source>
        <translation>有点击或购买的访问会使顾客的回访权重向 1 移动这一比例。</translation>
    </message>
    <message>
        <source>Satisfaction loss</source>
        <translation>满意度下降</translation>
    </message>
    <message>
        <source>A visit with two or more slates and no click lowers the return weight by this share.</source>
        <translation>查看了两个或更多推荐列表却没有点击的访问会使回访权重降低这一比例。</translation>
    </message>
    <message>
        <source>Churn probability</source>
        <translation>流失概率</translation>
    </message>
    <message>
        <source>After such a bad visit the shopper leaves for good with this probability.</source>
        <translation>在这样一次糟糕的访问之后，顾客以此概率永久流失。</translation>
    </message>
    <message>
        <source>Regret sample</source>
        <translation>遗憾抽样比例</translation>
    </message>
    <message>
        <source>Share of slates whose regret against the best possible slate is measured (each costs one pass over the catalogue).</source>
        <translation>测量相对最佳推荐列表遗憾值的推荐列表比例（每次需要遍历一遍商品目录）。</translation>
    </message>
    <message>
        <source>Inventory warnings</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <source>Demand forecast from the sales and the warnings it gives: items about to sell out, overstocked items. Reading only: the shop is unchanged.</source>
        <translation>根据销量预测需求并给出预警：即将售罄的商品、库存积压的商品。只读：不改变商店。</translation>
    </message>
    <message>
        <source>Warning horizon</source>
        <translation>预警期限</translation>
    </message>
    <message>
        <source>Warn about an item when its stock covers at most this many days of forecast sales; 0 switches the warnings off.</source>
        <translation>当商品库存最多只够这么多天的预测销量时发出预警；0 表示关闭预警。</translation>
    </message>
    <message>
        <source>Overstock beyond</source>
        <translation>积压阈值</translation>
    </message>
    <message>
        <source>An item in stock with more days of cover than this (or no sale forecast) counts as overstocked.</source>
        <translation>有库存的商品若可售天数超过此值（或预测无销量），即视为库存积压。</translation>
    </message>
    <message>
        <source>Forecast smoothing</source>
        <translation>预测平滑系数</translation>
    </message>
    <message>
        <source>Weight of the newest day in the exponentially smoothed daily sales (1 = yesterday&apos;s sales only).</source>
        <translation>指数平滑日销量中最近一天的权重（1 = 只看昨天的销量）。</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Personalised coupons at checkout: who gets one, the discount, the daily budget and the margin the report assumes.</source>
        <translation>结账时的个性化优惠券：发给谁、折扣多少、每日预算，以及报告所假设的毛利率。</translation>
    </message>
    <message>
        <source>Strategy per surface</source>
        <translation>按页面的推荐策略</translation>
    </message>
    <message>
        <source>A core of its own for any surface, as &quot;ID KEY=VALUE ...&quot; (e.g. &quot;itemknn neighbours=20&quot; or &quot;mmr inner=itemknn lambda=0.5&quot;); empty: the run&apos;s main core serves it. Every core learns from every event.</source>
        <translation>为任一页面单独指定推荐核心，写作“ID 键=值 ...”（例如“itemknn neighbours=20”或“mmr inner=itemknn lambda=0.5”）；留空则由运行的主核心服务。每个核心都从全部事件中学习。</translation>
    </message>
    <message>
        <source>Home feed core</source>
        <translation>首页推荐流核心</translation>
    </message>
    <message>
        <source>Core of the home feed; empty: the main core.</source>
        <translation>首页推荐流的核心；留空则用主核心。</translation>
    </message>
    <message>
        <source>Search page core</source>
        <translation>搜索页核心</translation>
    </message>
    <message>
        <source>Core of the slates beside search results; empty: the main core.</source>
        <translation>搜索结果旁推荐列表的核心；留空则用主核心。</translation>
    </message>
    <message>
        <source>Product page core</source>
        <translation>商品页核心</translation>
    </message>
    <message>
        <source>Core of &quot;related / also bought&quot; on product pages; empty: the main core.</source>
        <translation>商品页“相关商品 / 买了还买”的核心；留空则用主核心。</translation>
    </message>
    <message>
        <source>Cart page core</source>
        <translation>购物车页核心</translation>
    </message>
    <message>
        <source>Core of &quot;complete your order&quot; on the cart page (accessories, consumables); empty: the main core.</source>
        <translation>购物车页“凑单推荐”（配件、耗材）的核心；留空则用主核心。</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Who gets a coupon on a cart line at checkout. none: nobody. everyone: every line, while the budget lasts. uplift: lines whose predicted uplift (a two-model learner trained on the run&apos;s own checkouts) reaches min_uplift, plus an exploration share given or denied at random. price_sensitive: shoppers whose cart lines so far average below the median price.</source>
        <translation>结账时哪些购物车条目获得优惠券。none：不发。everyone：预算用完前每个条目都发。uplift：预测增益（基于本次运行自身结账数据训练的双模型学习器）达到 min_uplift 的条目，另有一部分探索条目随机发放或不发放。price_sensitive：迄今购物车条目平均价格低于价格中位数的顾客。</translation>
    </message>
    <message>
        <source>Coupon discount</source>
        <translation>优惠券折扣</translation>
    </message>
    <message>
        <source>Share of the line&apos;s price the coupon takes off. It raises the shopper&apos;s utility by their price-sensitivity multiplier x (discount_weight x discount - price_sensitivity x ln(1 - discount)).</source>
        <translation>优惠券从条目价格中减去的比例。它使顾客效用增加：顾客的价格敏感度乘数 x (discount_weight x 折扣 - price_sensitivity x ln(1 - 折扣))。</translation>
    </message>
    <message>
        <source>Coupons per day</source>
        <translation>每日优惠券数</translation>
    </message>
    <message>
        <source>Budget: coupons issued per simulated day at most (0 = no limit).</source>
        <translation>预算：每个模拟日最多发放的优惠券数（0 = 不限）。</translation>
    </message>
    <message>
        <source>Money per day</source>
        <translation>每日金额</translation>
    </message>
    <message>
        <source>Budget: discount money paid on redeemed coupons per simulated day at most (0 = no limit). A coupon is only issued if its whole discount still fits.</source>
        <translation>预算：每个模拟日在已核销优惠券上最多支付的折扣金额（0 = 不限）。只有当整张优惠券的折扣仍在预算内时才会发放。</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Assumed gross margin as a share of the price before the coupon (the catalogue has no costs); the report&apos;s margin after discount uses it.</source>
        <translation>假设的毛利率，占用券前价格的比例（商品目录中没有成本）；报告中的折后毛利使用此值。</translation>
    </message>
    <message>
        <source>Exploration share</source>
        <translation>探索比例</translation>
    </message>
    <message>
        <source>uplift policy: share of checkout lines given or denied a coupon at random (half each), so that the learner sees both outcomes.</source>
        <translation>uplift 策略：随机发放或不发放优惠券（各占一半）的结账条目比例，使学习器能看到两种结果。</translation>
    </message>
    <message>
        <source>Minimum uplift</source>
        <translation>最小增益</translation>
    </message>
    <message>
        <source>uplift policy: a coupon is given when the predicted rise in the purchase probability reaches this.</source>
        <translation>uplift 策略：当预测的购买概率提升达到此值时发放优惠券。</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>What the cores may see: pseudonymised user ids, no demographics, and only noisy daily counts (differential privacy with a budget per day).</source>
        <translation>推荐核心可以看到什么：假名化的用户 ID、不含人口属性，以及仅带噪声的每日计数（按天设定预算的差分隐私）。</translation>
    </message>
    <message>
        <source>Pseudonymise users</source>
        <translation>用户假名化</translation>
    </message>
    <message>
        <source>on: cores see every user id through a permutation keyed by the run&apos;s seed. Ids stay consistent within a run, so cores still learn, but cannot be joined with the shop&apos;s own ids.</source>
        <translation>开：推荐核心看到的每个用户 ID 都经过一个以运行种子为密钥的置换。ID 在一次运行内保持一致，因此核心仍能学习，但无法与商店自己的 ID 关联。</translation>
    </message>
    <message>
        <source>Withhold demographics</source>
        <translation>不提供人口属性</translation>
    </message>
    <message>
        <source>on: the user table the cores get has age band, gender, occupation and region unknown for everyone; the demographic core falls back to shop-wide popularity.</source>
        <translation>开：推荐核心得到的用户表中，所有人的年龄段、性别、职业和地区均为未知；人口属性核心退回到全店流行度。</translation>
    </message>
    <message>
        <source>Privacy budget per day (epsilon)</source>
        <translation>每日隐私预算（ε）</translation>
    </message>
    <message>
        <source>Differential privacy: 0 = off. Otherwise cores never see an event; they learn only from per-item event counts, each user&apos;s events capped per day, released with Laplace noise (scale cap / epsilon of the release). Smaller epsilon: more noise, more privacy.</source>
        <translation>差分隐私：0 = 关闭。否则推荐核心看不到任何事件；它们只从按商品统计的事件计数中学习，每个用户每天的事件数有上限，计数加上拉普拉斯噪声后发布（尺度 = 上限 / 该次发布的 ε）。ε 越小：噪声越大，隐私越强。</translation>
    </message>
    <message>
        <source>Releases per day</source>
        <translation>每日发布次数</translation>
    </message>
    <message>
        <source>How often the noisy counts are released to the cores; each release covers 24 / releases hours and spends its own epsilon.</source>
        <translation>带噪声计数向推荐核心发布的频率；每次发布覆盖 24 / 发布次数 小时，并花费自己的 ε。</translation>
    </message>
    <message>
        <source>Epsilon per release</source>
        <translation>每次发布的 ε</translation>
    </message>
    <message>
        <source>Budget one release spends; 0 = the day&apos;s budget split evenly over its releases. A day&apos;s releases may not spend more than the day&apos;s budget (sequential composition): such a scenario is refused. Unused while epsilon_per_day is 0.</source>
        <translation>一次发布花费的预算；0 = 当天预算在各次发布间平均分配。一天内各次发布的花费不得超过当天预算（顺序组合）：否则场景会被拒绝。epsilon_per_day 为 0 时不使用。</translation>
    </message>
    <message>
        <source>Contribution cap per user and day</source>
        <translation>每用户每日贡献上限</translation>
    </message>
    <message>
        <source>Events of one user counted per simulated day at most; later ones are left out of the counts. It bounds what one user can change in a release (its sensitivity).</source>
        <translation>每个模拟日内最多计入一个用户的事件数；超出的事件不计入计数。它限定了一个用户能对一次发布造成的改变（敏感度）。</translation>
    </message>
    <message>
        <source>New-user onboarding</source>
        <translation>新用户引导</translation>
    </message>
    <message>
        <source>A signup questionnaire: shoppers who join during the run state a few favourite categories, with noise, and cores may read the answers.</source>
        <translation>注册问卷：运行期间加入的顾客说出几个最喜欢的类目（带噪声），推荐核心可以读取这些回答。</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>none: no signup questions. categories: each shopper who joins during the run may name their favourite leaf categories, drawn from their true tastes with noise; cores that use the answers say so in their description (content).</source>
        <translation>none：注册时不提问。categories：运行期间加入的每位顾客可以说出自己最喜欢的叶子类目，按其真实口味带噪声抽取；使用这些回答的推荐核心会在描述中注明（content）。</translation>
    </message>
    <message>
        <source>Stated categories</source>
        <translation>填写类目数</translation>
    </message>
    <message>
        <source>Leaf categories each answer names: the shopper&apos;s favourites by true affinity, most liked first (fewer than the shop&apos;s leaf categories).</source>
        <translation>每份回答给出的叶子类目数：按真实偏好排序的顾客最爱类目，最喜欢的在前（须少于商店的叶子类目数）。</translation>
    </message>
    <message>
        <source>Answer noise</source>
        <translation>回答噪声</translation>
    </message>
    <message>
        <source>Probability that a stated category is a random other leaf instead of a true favourite (1 = answers carry no information).</source>
        <translation>填写的类目被随机换成另一个叶子类目、而非真正喜欢的类目的概率（1 = 回答不含任何信息）。</translation>
    </message>
    <message>
        <source>Share who answer</source>
        <translation>作答比例</translation>
    </message>
    <message>
        <source>Share of the shoppers joining during the run who answer; the others skip the questionnaire and are the comparison group.</source>
        <translation>运行期间加入的顾客中填写问卷的比例；其余顾客跳过问卷，作为对照组。</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>Range: %1</source>
        <translation>范围：%1</translation>
    </message>
    <message>
        <source>Entry %1 of %2, &quot;%3&quot;, is not a number.</source>
        <translation>第 %1 项（共 %2 项）“%3”不是数字。</translation>
    </message>
    <message numerus="yes">
        <source>%n entries (edit them in the JSON tab)</source>
        <translation>
            <numerusform>%n 个条目（请在 JSON 标签页中编辑）</numerusform>
        </translation>
    </message>
    <message>
        <source>the run&apos;s main core</source>
        <translation>运行的主推荐核心</translation>
    </message>
</context>
<context>
    <name>ScenarioPreset</name>
    <message>
        <source>New-item cold start: a third of the 3,000-item catalogue launches during the week, plus two launch batches (600 items anywhere on day 2, 400 Electronics items on day 4). New items have no history, so collaborative cores cannot see them until someone stumbles on them; content, hybrid and exploring cores should pick them up faster. Compare coverage of new items and CTR after each launch.</source>
        <translation>新商品冷启动：3,000 件商品的目录中有三分之一在本周内上架，另有两批集中上新（第 2 天 600 件分布在各类目，第 4 天 400 件电子产品）。新商品没有历史数据，协同过滤类推荐核心要等到有人偶然发现它们才能看到；基于内容、混合和探索型的推荐核心应更快地发现它们。请对比每次上新后新商品的覆盖率和点击率。</translation>
    </message>
    <message>
        <source>A mid-sized general shop for a week: 3,000 items in 40 categories (a tenth launching during the week), 5,000 shoppers with long-tailed activity, a daily rhythm peaking in the evening and busier weekends, stock that runs out and is restocked, and one 20 % promotion on Kitchen on days 4-5. Calibrated on RetailRocket and YOOCHOOSE: with popularity the CTR is about 4 %, about 3 % of viewed items reach the cart and about a third of carts are bought.</source>
        <translation>一家中等规模的综合商店，为期一周：40 个类目中的 3,000 件商品（十分之一在本周内上架），5,000 名活跃度呈长尾分布的顾客，每日节律在晚间达到高峰且周末更忙，库存会售罄并补货，第 4–5 天厨房类目有一次 8 折促销。依据 RetailRocket 和 YOOCHOOSE 数据校准：使用流行度推荐时点击率约为 4%，约 3% 的浏览商品被加入购物车，约三分之一的购物车最终成交。</translation>
    </message>
    <message>
        <source>Recommendation fatigue: shoppers remember the last 32 items shown to them for days (half-life 72 h), each repeat costs a lot of appeal, a whole category shown again and again gets boring, and bought items are almost never wanted again. Cores that push the same best-sellers to everybody (popularity) lose clicks over the week; diverse, re-ranked and exploring cores hold up. Departs from the calibration on purpose: CTR falls over time for repetitive cores.</source>
        <translation>推荐疲劳：顾客会在数天内记住最近展示给他们的 32 件商品（半衰期 72 小时），每次重复展示都会大幅降低吸引力，同一类目反复出现会让人厌倦，已购买的商品几乎不会再被需要。向所有人推送同样畅销品的推荐核心（流行度）在一周内点击会下降；多样化、重排序和探索型推荐核心则能保持。有意偏离校准：重复性推荐核心的点击率会随时间下降。</translation>
    </message>
    <message>
        <source>Promotions and stock: a 50 % flash sale on Fashion for 12 hours on day 2 with 60 % more visitors, a 30 % brand sale on days 4-5, low stock (15 units on average, restocked after about 3 days) and a supplier failure emptying most of Electronics on day 3. Demand spikes, sells out and shifts; cores that keep recommending sold-out items lose slates, cores that notice the sale win it. Departs from the calibration on purpose: more purchases per session during the sale.</source>
        <translation>促销与库存：第 2 天服装类目 5 折限时抢购 12 小时，访客增加 60%；第 4–5 天某品牌 7 折促销；库存较低（平均 15 件，约 3 天后补货）；第 3 天供应商故障使大部分电子产品断货。需求激增、售罄并转移；继续推荐售罄商品的推荐核心会浪费推荐位，能察觉促销的推荐核心则获益。有意偏离校准：促销期间每次会话的购买更多。</translation>
    </message>
    <message>
        <source>Scale test: 1,000,000 items in a three-level tree of 2,000 leaves and 1,000,000 shoppers, two million visits a day for one day. Generation takes seconds; the per-user history ring is shortened to 8 impressions and regret sampling is off to keep memory and time bounded. Use it to measure throughput, memory and the latency of cores at catalogue scale, not shop behaviour.</source>
        <translation>规模测试：三级类目树（2,000 个叶子类目）中的 1,000,000 件商品和 1,000,000 名顾客，一天内每天两百万次访问。生成只需数秒；每位用户的历史环缩短为 8 次曝光，并关闭遗憾采样，以控制内存和时间。用于测量大规模目录下的吞吐量、内存和推荐核心延迟，而非商店行为。</translation>
    </message>
    <message>
        <source>Sparse data and a long tail: 50,000 items in a three-level tree of 480 leaves with very uneven sizes, 20,000 shoppers of whom most come once or twice, over two weeks. Popularity is flat-ish (little intrinsic appeal spread) while tastes are sharp, so most signal is personal and rare. Coverage, Gini and novelty matter here; neighbourhood cores starve, factorisation and content cores generalise.</source>
        <translation>稀疏数据与长尾：三级类目树（480 个大小极不均匀的叶子类目）中的 50,000 件商品，20,000 名顾客且大多数只来一两次，为期两周。流行度分布较平（商品内在吸引力差异小），而个人偏好鲜明，因此大部分信号是个性化且稀少的。这里覆盖率、基尼系数和新颖性很重要；近邻类推荐核心数据不足，矩阵分解和基于内容的推荐核心能更好地泛化。</translation>
    </message>
    <message>
        <source>New-user cold start: a marketing campaign brings 3,000 new shoppers on day 2 and 5,000 more, twice as active, on day 4, on top of 4,000 regulars. Demographics explain 70 % of taste here, so demographic and popularity-by-segment strategies have real signal for newcomers; personal-history cores start from nothing for them. Compare per-cohort CTR and retention after each wave.</source>
        <translation>新用户冷启动：一次营销活动在第 2 天带来 3,000 名新顾客，第 4 天再带来 5,000 名活跃度加倍的新顾客，另有 4,000 名老顾客。这里人口属性可解释 70% 的偏好，因此基于人口属性和分群流行度的策略对新用户有真实信号；依赖个人历史的推荐核心对他们则从零开始。请对比每波之后各群组的点击率和留存。</translation>
    </message>
    <message>
        <source>A tiny shop for the classroom: 30 items in 6 categories and 20 shoppers, slates of 5, two days. Each item has two successors, stock is small (5 units) so stock-outs happen in view, and a 30 % promotion runs on the first top category on day 1 (the second day; days count from 0). Small enough to follow every event and every score by eye while stepping.</source>
        <translation>一家用于课堂的小商店：6 个类目中的 30 件商品和 20 名顾客，推荐列表长度为 5，为期两天。每件商品有两个后续商品，库存很少（5 件），因此能亲眼看到断货；第 1 天（即第二天；天数从 0 开始计）第一个一级类目有 7 折促销。小到单步执行时可以用肉眼跟踪每个事件和每个得分。</translation>
    </message>
</context>
<context>
    <name>ScenarioUnit</name>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
</context>
<context>
    <name>SimTime</name>
    <message>
        <source>day %1, %2:%3</source>
        <translation>第 %1 天 %2:%3</translation>
    </message>
    <message>
        <source>day (0 = first)</source>
        <translation>天（0 = 第一天）</translation>
    </message>
</context>
<context>
    <name>StepHeader</name>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>following shopper %1</source>
        <translation>正在跟踪顾客 %1</translation>
    </message>
    <message>
        <source>the run ended before this shopper acted again</source>
        <translation>该顾客再次行动之前运行已结束</translation>
    </message>
    <message>
        <source>the run is over</source>
        <translation>运行已结束</translation>
    </message>
    <message>
        <source>action %1</source>
        <translation>动作 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n other action(s) passed</source>
        <translation>
            <numerusform>之前经过了 %n 个其他动作</numerusform>
        </translation>
    </message>
    <message>
        <source>shopper %1</source>
        <translation>顾客 %1</translation>
    </message>
    <message>
        <source>The cores show different shopper actions. Common random numbers give every core the same candidate visits (same shoppers, same times, same dice), but what a shopper does depends on the slate: after one different click or skipped visit, the cores&apos; next actions differ. Follow a shopper to see every core at that shopper&apos;s next action.</source>
        <translation>各推荐核心显示的是不同的顾客动作。公共随机数让每个推荐核心得到相同的候选访问（相同的顾客、相同的时间、相同的骰子），但顾客做什么取决于推荐列表：一旦有一次点击不同或一次访问被跳过，各推荐核心的下一个动作就会不同。跟踪一位顾客，即可看到每个推荐核心处于该顾客的下一个动作。</translation>
    </message>
    <message>
        <source>Every core faces the same shopper action (common random numbers).</source>
        <translation>每个推荐核心面对的是同一个顾客动作（公共随机数）。</translation>
    </message>
</context>
<context>
    <name>TableActions</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>将表格导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>TimelineMarkers</name>
    <message>
        <source>promotion −%1%</source>
        <translation>促销 −%1%</translation>
    </message>
    <message numerus="yes">
        <source>launch: %n item(s)</source>
        <translation>
            <numerusform>上新：%n 件商品</numerusform>
        </translation>
    </message>
    <message>
        <source>stock shock</source>
        <translation>库存冲击</translation>
    </message>
    <message>
        <source>promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>launch</source>
        <translation>上新</translation>
    </message>
    <message>
        <source>cohort</source>
        <translation>新用户群</translation>
    </message>
    <message>
        <source>season</source>
        <translation>季节</translation>
    </message>
    <message>
        <source>%1 at day %2</source>
        <translation>第 %2 天的%1</translation>
    </message>
    <message numerus="yes">
        <source>the run stopped at day %1 (the &quot;Stop after&quot; limit of %2 events), before %n timeline entries it would otherwise reach: %3</source>
        <translation>
            <numerusform>运行在第 %1 天停止（“停止于”限制为 %2 个事件），未能到达本应到达的 %n 个时间线条目：%3</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>the number %1</source>
        <translation>数值 %1</translation>
    </message>
    <message>
        <source>the text &quot;%1&quot;</source>
        <translation>文本 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>expected one of %1, got &quot;%2&quot;</source>
        <translation>应为 %1 之一，实际为 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>unknown field; known fields here: %1</source>
        <translation>未知字段；此处可用的字段：%1</translation>
    </message>
    <message>
        <source>expected text, got %1</source>
        <translation>应为文本，实际为%1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为%1</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>应为数组，实际为%1</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为%1</translation>
    </message>
    <message>
        <source>expected a non-negative number, got %1</source>
        <translation>应为非负数，实际为%1</translation>
    </message>
    <message>
        <source>expected at least one positive weight</source>
        <translation>至少需要一个正权重</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation>顶层应为 JSON 对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>expected an array of %1 non-negative numbers, got %2</source>
        <translation>应为包含 %1 个非负数的数组，实际为%2</translation>
    </message>
    <message>
        <source>expected a non-empty array of non-negative numbers, got %1</source>
        <translation>应为由非负数组成的非空数组，实际为%1</translation>
    </message>
    <message>
        <source>expected an array of %1 to %2 non-negative numbers, got %3</source>
        <translation>应为包含 %1 到 %2 个非负数的数组，实际为%3</translation>
    </message>
    <message>
        <source>expected a whole number in %1, got %2</source>
        <translation>应为 %1 范围内的整数，实际为%2</translation>
    </message>
    <message>
        <source>expected a number in %1, got %2</source>
        <translation>应为 %1 范围内的数值，实际为%2</translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot; (first on line %2); JSON keeps only one of them, so remove the other</source>
        <translation>重复的键 &quot;%1&quot;（第一次出现在第 %2 行）；JSON 只会保留其中一个，请删除另一个</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>recoscope::sim::EngineWorker</name>
    <message>
        <source>Choose at least one recommender core.</source>
        <translation>请至少选择一个推荐核心。</translation>
    </message>
    <message>
        <source>No run to inspect.</source>
        <translation>没有可查看的运行。</translation>
    </message>
    <message>
        <source>There is no shopper %1; ids run from 0 to %2.</source>
        <translation>不存在顾客 %1；编号范围为 0 到 %2。</translation>
    </message>
    <message>
        <source>There is no item %1; ids run from 0 to %2.</source>
        <translation>不存在商品 %1；编号范围为 0 到 %2。</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::AbComparisonTable</name>
    <message>
        <source>CTR per user</source>
        <translation>每位顾客的点击率</translation>
    </message>
    <message>
        <source>Clicks per user</source>
        <translation>每位顾客的点击数</translation>
    </message>
    <message>
        <source>Attributed purchases per user</source>
        <translation>每位顾客的归因购买数</translation>
    </message>
    <message>
        <source>Revenue per user</source>
        <translation>每位顾客的收入</translation>
    </message>
    <message>
        <source>Attributed revenue per user</source>
        <translation>每位顾客的归因收入</translation>
    </message>
    <message>
        <source>%1 pt</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>推荐核心</translation>
    </message>
    <message>
        <source>Difference from the first core</source>
        <translation>与第一个推荐核心的差异</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p（Holm 校正）</translation>
    </message>
    <message>
        <source>Paired over users: with common random numbers every core faces the same shoppers, so each shopper&apos;s outcome under a core is compared with the same shopper&apos;s under the first core (paired t-test). ★ marks a Holm-adjusted p-value below 0.05.</source>
        <translation>按顾客配对：使用共同随机数时，每个推荐核心面对的是同一批顾客，因此将每位顾客在某个核心下的结果与同一顾客在第一个核心下的结果相比较（配对 t 检验）。★ 表示经 Holm 校正后的 p 值低于 0.05。</translation>
    </message>
    <message>
        <source> (Δ %1%2)</source>
        <translation>（Δ %1%2）</translation>
    </message>
    <message numerus="yes">
        <source>Paired t-test over %n users (per-user values of %1 minus %2): mean difference %3, 95 % interval [%4, %5]; p = %6, Holm-adjusted p = %7 (Holm over the %8 cores compared with the first).</source>
        <translation>
            <numerusform>对 %n 位顾客做配对 t 检验（%1 减去 %2 的按顾客取值）：平均差异 %3，95% 区间 [%4, %5]；p = %6，Holm 校正后 p = %7（对与第一个核心比较的 %8 个核心做 Holm 校正）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>recoscope::ui::BeyondAccuracyPanel</name>
    <message>
        <source>simulated days</source>
        <translation>模拟天数</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>活跃用户</translation>
    </message>
    <message>
        <source>+%1 d</source>
        <translation>+%1 天</translation>
    </message>
    <message>
        <source>day %1</source>
        <translation>第 %1 天</translation>
    </message>
    <message>
        <source>&amp;Figure:</source>
        <translation>指标(&amp;F)：</translation>
    </message>
    <message>
        <source>Retention by cohort of &amp;core:</source>
        <translation>按群组留存，推荐核心(&amp;C)：</translation>
    </message>
    <message>
        <source>Shoppers grouped by the simulated day of their first event (rows); each cell is the share of them active again the given number of days later. – = not observed yet.</source>
        <translation>按首次事件所在的模拟日对顾客分组（行）；每个单元格是其中在给定天数后再次活跃的比例。– = 尚未观察到。</translation>
    </message>
    <message>
        <source>Whole-run figures of each core (docs/metrics.md, &quot;Beyond accuracy&quot;); – = nothing to average.</source>
        <translation>各推荐核心的整轮运行指标（docs/metrics.md，“Beyond accuracy”）；– = 没有可平均的数据。</translation>
    </message>
    <message>
        <source>Intra-list diversity (categories)</source>
        <translation>列表内多样性（类目）</translation>
    </message>
    <message>
        <source>Intra-list diversity (latent)</source>
        <translation>列表内多样性（隐向量）</translation>
    </message>
    <message>
        <source>Novelty</source>
        <translation>新颖性</translation>
    </message>
    <message>
        <source>Average popularity</source>
        <translation>平均流行度</translation>
    </message>
    <message>
        <source>Long-tail share</source>
        <translation>长尾占比</translation>
    </message>
    <message>
        <source>Serendipity</source>
        <translation>惊喜度</translation>
    </message>
    <message>
        <source>Homogenisation across users</source>
        <translation>用户间同质化</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>平均订单金额</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>回访率</translation>
    </message>
    <message>
        <source>share of item pairs</source>
        <translation>商品对占比</translation>
    </message>
    <message>
        <source>mean 1 − cos</source>
        <translation>平均 1 − cos</translation>
    </message>
    <message>
        <source>bits</source>
        <translation>比特</translation>
    </message>
    <message>
        <source>interactions per item</source>
        <translation>每件商品的交互数</translation>
    </message>
    <message>
        <source>mean Jaccard</source>
        <translation>平均 Jaccard</translation>
    </message>
    <message>
        <source>per order</source>
        <translation>每单</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Share of each slate&apos;s item pairs in different leaf categories, averaged over the bucket&apos;s slates.</source>
        <translation>每个推荐列表中属于不同叶子类目的商品对所占比例，在该时间桶的所有列表上取平均。</translation>
    </message>
    <message>
        <source>Mean over each slate&apos;s item pairs of 1 − cosine of the shop&apos;s hidden item vectors, averaged over the bucket&apos;s slates.</source>
        <translation>每个推荐列表中商品对的 1 − 余弦（基于商店隐藏的商品向量）的均值，在该时间桶的所有列表上取平均。</translation>
    </message>
    <message>
        <source>Mean self-information −log2 p of the items shown, p = (interactions with the item + 1) / (all interactions + catalogue size) when shown.</source>
        <translation>所展示商品的平均自信息 −log2 p，p =（该商品的交互数 + 1）/（全部交互数 + 商品目录大小），按展示时计算。</translation>
    </message>
    <message>
        <source>Mean over slates of the mean number of interactions so far with the slate&apos;s items.</source>
        <translation>各推荐列表中商品迄今交互数的均值，再对所有列表取平均。</translation>
    </message>
    <message>
        <source>Share of impressions on items outside the short head: the most interacted-with items that hold 80 % of interactions at the bucket&apos;s start.</source>
        <translation>短头部以外商品所获曝光的占比：短头部是在该时间桶开始时合计占 80% 交互的最热门商品。</translation>
    </message>
    <message>
        <source>Clicks on shown items that were not in the popularity top 10 when shown, per impression.</source>
        <translation>对展示时不在流行度前 10 名的商品的点击数，除以曝光数。</translation>
    </message>
    <message>
        <source>Mean Jaccard index of the latest slates of every pair among the first 64 users served in the bucket: 1 = everyone sees the same list.</source>
        <translation>该时间桶内最先获得推荐的 64 名用户两两之间最新推荐列表的平均 Jaccard 指数：1 = 所有人看到相同的列表。</translation>
    </message>
    <message>
        <source>Revenue per order; an order is a shopper&apos;s purchases less than 30 minutes apart.</source>
        <translation>每个订单的收入；一个订单是同一顾客间隔不到 30 分钟的多次购买。</translation>
    </message>
    <message>
        <source>Share of the bucket&apos;s active shoppers who were active in an earlier bucket (whole run: shoppers active on two or more days).</source>
        <translation>该时间桶的活跃顾客中在更早时间桶也活跃过的比例（整轮运行：在两天或以上活跃的顾客占比）。</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::CouponPanel</name>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Checkout lines decided</source>
        <translation>已决策的结账条目</translation>
    </message>
    <message>
        <source>Coupons issued</source>
        <translation>已发放优惠券</translation>
    </message>
    <message>
        <source>Coupons redeemed</source>
        <translation>已核销优惠券</translation>
    </message>
    <message>
        <source>Refused by the budget</source>
        <translation>因预算被拒</translation>
    </message>
    <message>
        <source>Extra orders (same dice)</source>
        <translation>额外订单（相同随机数）</translation>
    </message>
    <message>
        <source>Expected extra orders (true uplift)</source>
        <translation>预期额外订单（真实增益）</translation>
    </message>
    <message>
        <source>Extra revenue</source>
        <translation>额外收入</translation>
    </message>
    <message>
        <source>Extra margin after discount</source>
        <translation>额外折后毛利</translation>
    </message>
    <message>
        <source>Discount spent</source>
        <translation>折扣支出</translation>
    </message>
    <message>
        <source>Cost per extra order</source>
        <translation>每笔额外订单成本</translation>
    </message>
    <message>
        <source>Uplift model: Qini</source>
        <translation>增益模型：Qini 系数</translation>
    </message>
    <message>
        <source>Uplift model: rank correlation</source>
        <translation>增益模型：秩相关</translation>
    </message>
    <message>
        <source>Coupons at checkout, per core (the scenario&apos;s Coupons group sets the policy, the discount and the daily budget). Extra orders, revenue and margin compare the lines that got a coupon with what the same shoppers and the same dice give without it; the uplift model is scored against the simulator&apos;s true uplift, which a real shop never knows.</source>
        <translation>各推荐核心的结账优惠券（场景的“优惠券”组设定策略、折扣和每日预算）。额外订单、收入和毛利将获得优惠券的条目与相同顾客、相同随机数下不发券的结果相比较；增益模型以模拟器的真实增益评分，而真实商店永远无法得知真实增益。</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::FeedbackLoopPanel</name>
    <message>
        <source>Exposure Gini by day</source>
        <translation>每日曝光基尼系数</translation>
    </message>
    <message>
        <source>simulated day</source>
        <translation>模拟日</translation>
    </message>
    <message>
        <source>Gini of impressions</source>
        <translation>曝光的基尼系数</translation>
    </message>
    <message>
        <source>How unequally each simulated day&apos;s impressions were spread over the catalogue: 0 = every item shown equally often, 1 = one item got them all. Computed as `report` computes it (docs/metrics.md, &quot;The feedback loop&quot;); the last day moves while the run goes.</source>
        <translation>每个模拟日的曝光在商品目录上分布得有多不均：0 = 每件商品曝光同样多，1 = 一件商品占据全部曝光。计算方式与 `report` 相同（docs/metrics.md，“反馈回路”）；运行进行中最后一天的值会变化。</translation>
    </message>
    <message>
        <source>Revealed-interest drift by day</source>
        <translation>每日显性兴趣漂移</translation>
    </message>
    <message>
        <source>1 - cosine to day 0</source>
        <translation>1 - 与第 0 天的余弦</translation>
    </message>
    <message>
        <source>How far the population&apos;s revealed interest moved: 1 minus the cosine between the mean direction of the items viewed that day and that of the first day with views. 0 = shoppers look at the same kind of items as on the first day.</source>
        <translation>全体购物者的显性兴趣移动了多远：1 减去当天所浏览商品的平均方向与第一个有浏览的日子的平均方向之间的余弦。0 = 购物者浏览的商品类型与第一天相同。</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::HelpWindow</name>
    <message>
        <source>Not part of the bundled help: %1</source>
        <translation>不在内置帮助中：%1</translation>
    </message>
    <message>
        <source>Search wrapped to the top</source>
        <translation>搜索已从头开始</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>未找到：%1</translation>
    </message>
    <message>
        <source>Recoscope — user guide</source>
        <translation>Recoscope — 用户指南</translation>
    </message>
    <message>
        <source>Search the guide (Enter: next match)</source>
        <translation>搜索指南（回车：下一个匹配）</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::HtmlReportJob</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::InventoryWindow</name>
    <message>
        <source>Replaying run %1 with a %2-day horizon…</source>
        <translation>正在以 %2 天的预警期限重放运行 %1…</translation>
    </message>
    <message>
        <source>Scoring failed: %1</source>
        <translation>评分失败：%1</translation>
    </message>
    <message>
        <source>Run %1: stock is unlimited in its scenario (catalogue.stock_mean 0), so nothing sells out and nothing is warned.</source>
        <translation>运行 %1：其场景的库存不限（catalogue.stock_mean 为 0），因此不会售罄，也没有预警。</translation>
    </message>
    <message>
        <source>Run %1: %2 days closed, horizon %3 days, smoothing %4.</source>
        <translation>运行 %1：已结束 %2 天，预警期限 %3 天，平滑系数 %4。</translation>
    </message>
    <message>
        <source>Precision %1: %2 of %3 sell-out warnings were followed by a stock-out within the horizon.
Recall %4: %5 of %6 sell-outs were warned beforehand, on average %7 days ahead.
Lost sales %8 (a shopper&apos;s first choice sold out, or a cart line sold out at checkout); overstocked items %9 at the last close.</source>
        <translation>精确率 %1：%3 条售罄预警中有 %2 条在预警期限内确实缺货。
召回率 %4：%6 次售罄中有 %5 次事先得到预警，平均提前 %7 天。
损失销量 %8（顾客的首选商品已售罄，或结账时购物车中的商品已售罄）；最后一次日结时库存积压商品 %9 个。</translation>
    </message>
    <message>
        <source>Inventory warnings: run %1</source>
        <translation>库存预警：运行 %1</translation>
    </message>
    <message>
        <source>Horizon (days):</source>
        <translation>预警期限（天）：</translation>
    </message>
    <message>
        <source>Warn about an item when its stock covers at most this many days of forecast sales.</source>
        <translation>当商品库存最多只够这么多天的预测销量时发出预警。</translation>
    </message>
    <message>
        <source>Score warnings</source>
        <translation>评估预警</translation>
    </message>
    <message>
        <source>Follow the run</source>
        <translation>跟随运行</translation>
    </message>
    <message>
        <source>Score again every few seconds while the run is going.</source>
        <translation>运行进行期间每隔几秒重新评估。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>First warning (day)</source>
        <translation>首次预警（天）</translation>
    </message>
    <message>
        <source>Days warned</source>
        <translation>预警天数</translation>
    </message>
    <message>
        <source>Forecast / day</source>
        <translation>预测日销量</translation>
    </message>
    <message>
        <source>Stock then</source>
        <translation>当时库存</translation>
    </message>
    <message>
        <source>Stock-out (day)</source>
        <translation>缺货（天）</translation>
    </message>
    <message>
        <source>Lead (days)</source>
        <translation>提前量（天）</translation>
    </message>
    <message>
        <source>Forecasts each item&apos;s daily sales from the run&apos;s purchases, warns when the stock covers no more than the horizon and scores the warnings against the stock-outs that happened.</source>
        <translation>根据运行中的购买预测每个商品的日销量，当库存只够预警期限内的销量时发出预警，并以实际发生的缺货评估这些预警。</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::ItemInspectorPanel</name>
    <message>
        <source>Core:</source>
        <translation>推荐核心：</translation>
    </message>
    <message>
        <source>Item &amp;id:</source>
        <translation>商品编号(&amp;I)：</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Exposure, clicks and purchases over time</source>
        <translation>曝光、点击和购买随时间的变化</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>brand %1</source>
        <translation>品牌 %1</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>%1% off: %2</source>
        <translation>优惠 %1%：%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>not available (sold out or not launched)</source>
        <translation>无货（售罄或未上架）</translation>
    </message>
    <message>
        <source>Launched</source>
        <translation>上架时间</translation>
    </message>
    <message>
        <source>before the run</source>
        <translation>运行开始前</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限量</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) in stock</source>
        <translation>
            <numerusform>库存 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>%1 units, restocked %2 times</source>
        <translation>%1 件，补货 %2 次</translation>
    </message>
    <message>
        <source>Impressions (times shown in a slate, left axis), clicks on it in a slate and units bought (right axis), per period of the run.</source>
        <translation>每个运行时段的曝光（在推荐列表中展示的次数，左轴）、在推荐列表中的点击和购买件数（右轴）。</translation>
    </message>
    <message>
        <source>impressions</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>clicks, purchases</source>
        <translation>点击、购买</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::LiveChartsPanel</name>
    <message>
        <source>Moving &amp;window for CTR and CVR:</source>
        <translation>点击率与转化率的滑动窗口(&amp;W)：</translation>
    </message>
    <message>
        <source> buckets</source>
        <translation> 个时间桶</translation>
    </message>
    <message>
        <source>Rates are computed over this many of the most recent simulated-time buckets (the scenario&apos;s bucket width, one hour by default).</source>
        <translation>比率按最近这么多个模拟时间桶计算（时间桶宽度由场景决定，默认一小时）。</translation>
    </message>
    <message>
        <source>Clicks &amp;&amp; sales</source>
        <translation>点击与销售</translation>
    </message>
    <message>
        <source>Exposure &amp;&amp; latency</source>
        <translation>曝光与延迟</translation>
    </message>
    <message>
        <source>Funnel &amp;&amp; cold start</source>
        <translation>漏斗与冷启动</translation>
    </message>
    <message>
        <source>Impressions → clicks → favourites → carts → purchases over the whole run; the percentage is the share of the previous stage.</source>
        <translation>整个运行中的曝光 → 点击 → 收藏 → 加购 → 购买；百分比为相对上一阶段的比例。</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Carts</source>
        <translation>加购</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>%1 (%2 of previous)</source>
        <translation>%1（上一阶段的 %2）</translation>
    </message>
    <message>
        <source>CTR, new users</source>
        <translation>点击率，新用户</translation>
    </message>
    <message>
        <source>CTR, established users</source>
        <translation>点击率，老用户</translation>
    </message>
    <message>
        <source>CTR, new items</source>
        <translation>点击率，新商品</translation>
    </message>
    <message>
        <source>CTR, established items</source>
        <translation>点击率，成熟商品</translation>
    </message>
    <message>
        <source>Items launched during the run</source>
        <translation>运行期间上架的商品</translation>
    </message>
    <message>
        <source>… shown at least once</source>
        <translation>……至少曝光一次</translation>
    </message>
    <message>
        <source>… bought at least once</source>
        <translation>……至少售出一次</translation>
    </message>
    <message>
        <source>Mean hours from launch to first impression</source>
        <translation>从上架到首次曝光的平均小时数</translation>
    </message>
    <message>
        <source>Mean hours from launch to first purchase</source>
        <translation>从上架到首次购买的平均小时数</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Moving &amp;window for HR, MRR and NDCG:</source>
        <translation>HR、MRR 与 NDCG 的滑动窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>Ranking (log replay)</source>
        <translation>排序（日志回放）</translation>
    </message>
    <message>
        <source>days of the log</source>
        <translation>日志天数</translation>
    </message>
    <message>
        <source>Beyond accuracy</source>
        <translation>超越准确率</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Feedback loop</source>
        <translation>反馈回路</translation>
    </message>
    <message>
        <source>New users: in their first two visits. New items: launched less than 24 simulated hours ago (the opening catalogue counts as established). Sessions to catch up: the first session, counted from joining, in which shoppers who joined during the run click at the established shoppers&apos; rate (within the 95 % margin; docs/metrics.md), for those who answered the signup questionnaire and those who did not.</source>
        <translation>新用户：处于前两次访问中。新商品：上架不足 24 个模拟小时（开店时的商品视为成熟商品）。追上所需访问次数：运行期间加入的顾客从加入起算、点击率首次达到老顾客水平（在 95 % 误差范围内；见 docs/metrics.md）的那次访问，分别统计填写了注册问卷和未填写的顾客。</translation>
    </message>
    <message>
        <source>Sessions to catch up, newcomers who answered</source>
        <translation>追上所需访问次数（填写问卷的新顾客）</translation>
    </message>
    <message>
        <source>Sessions to catch up, newcomers who did not answer</source>
        <translation>追上所需访问次数（未填写问卷的新顾客）</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>超过 %1</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::LogSourcePanel</name>
    <message>
        <source>Imported log &apos;%1&apos;: %2 events of %3 users on %4 items; %5 bad lines skipped.</source>
        <translation>已导入日志“%1”：%3 个用户在 %4 件商品上的 %2 个事件；跳过 %5 行错误数据。</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Real logs imported into the run store. Replaying one runs the cores chosen under Strategies over its events in time order: before each event the core ranks, the rank of the item the user really chose is scored, then the core learns from the event.</source>
        <translation>已导入运行数据库的真实日志。回放时，“推荐策略”中选定的推荐核心按时间顺序处理日志事件：每个事件发生前核心先给出排序，对用户实际选择的商品的排名评分，然后核心从该事件中学习。</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a log file in the chosen format (docs/import-formats.md); the workbench stays usable meanwhile</source>
        <translation>按所选格式导入日志文件（见 docs/import-formats.md）；导入期间工作台仍可使用</translation>
    </message>
    <message>
        <source>Format of the file to import</source>
        <translation>要导入的文件的格式</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>List length &amp;k:</source>
        <translation>列表长度 &amp;k：</translation>
    </message>
    <message>
        <source>Each core ranks k items before each scored event; HR, MRR and NDCG are cut at k.</source>
        <translation>每个评分事件发生前，每个推荐核心给出 k 件商品的排序；HR、MRR 和 NDCG 在 k 处截断。</translation>
    </message>
    <message>
        <source>Scored events:</source>
        <translation>评分事件：</translation>
    </message>
    <message>
        <source>Never recommend what the user already interacted with</source>
        <translation>不推荐用户已经交互过的商品</translation>
    </message>
    <message>
        <source>Score events of never-seen users or items too (as misses; no core can rank them)</source>
        <translation>也对从未出现过的用户或商品的事件评分（记为未命中；任何核心都无法为其排序）</translation>
    </message>
    <message>
        <source>&amp;Replay with the chosen strategies</source>
        <translation>用所选策略回放(&amp;R)</translation>
    </message>
    <message>
        <source>Replay the selected log with the 1–4 cores of the Strategies panel; the dashboard charts HR@k, NDCG@k and MRR@k over time.</source>
        <translation>用“推荐策略”面板中的 1–4 个推荐核心回放所选日志；仪表板按时间绘制 HR@k、NDCG@k 和 MRR@k。</translation>
    </message>
    <message>
        <source>Importing %1 as &apos;%2&apos;…</source>
        <translation>正在将 %1 导入为“%2”…</translation>
    </message>
    <message>
        <source>Import a log</source>
        <translation>导入日志</translation>
    </message>
    <message>
        <source>Log files (*.data *.csv *.dat *.tsv *.txt);;All files (*)</source>
        <translation>日志文件 (*.data *.csv *.dat *.tsv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::MainWindow</name>
    <message>
        <source>Run stopped; it is in the run history.</source>
        <translation>运行已停止；可在运行历史中找到。</translation>
    </message>
    <message>
        <source>Run finished; it is in the run history.</source>
        <translation>运行已完成；可在运行历史中找到。</translation>
    </message>
    <message>
        <source>Run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scenario files (*.json)</source>
        <translation>场景文件 (*.json)</translation>
    </message>
    <message>
        <source>Save scenario as</source>
        <translation>场景另存为</translation>
    </message>
    <message>
        <source>Recoscope — recommendation workbench</source>
        <translation>Recoscope — 推荐系统工作台</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Strategies</source>
        <translation>推荐策略</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>Shopper inspector</source>
        <translation>顾客查看器</translation>
    </message>
    <message>
        <source>Item inspector</source>
        <translation>商品查看器</translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation>教学</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>打开场景(&amp;O)…</translation>
    </message>
    <message>
        <source>Save scenario &amp;as…</source>
        <translation>场景另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Teaching mode</source>
        <translation>教学模式(&amp;T)</translation>
    </message>
    <message>
        <source>Open the tiny teaching scenario, paused, and step through it</source>
        <translation>打开小型教学场景（暂停状态），逐步演示</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Recoscope</source>
        <translation>关于 Recoscope(&amp;A)</translation>
    </message>
    <message>
        <source>The scenario has errors; see the Scenario panel.</source>
        <translation>场景有错误；请查看场景面板。</translation>
    </message>
    <message numerus="yes">
        <source>Running %1 with %n core(s)</source>
        <translation>
            <numerusform>正在用 %n 个推荐核心运行 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The teaching-small scenario is not available.</source>
        <translation>teaching-small 场景不可用。</translation>
    </message>
    <message>
        <source>The %1 translation is missing.</source>
        <translation>缺少 %1 翻译。</translation>
    </message>
    <message>
        <source>About Recoscope</source>
        <translation>关于 Recoscope</translation>
    </message>
    <message numerus="yes">
        <source>&lt;h3&gt;Recoscope %1&lt;/h3&gt;&lt;p&gt;A workbench for real-time e-commerce recommendation: synthetic shoppers, swappable recommender cores, live metrics.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;%n recommender core(s) registered.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;h3&gt;Recoscope %1&lt;/h3&gt;&lt;p&gt;实时电商推荐工作台：合成顾客、可替换的推荐核心、实时指标。&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;已注册 %n 个推荐核心。&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready: press Start (Ctrl+R) to run the scenario with the chosen cores.</source>
        <translation>就绪：按“开始”（Ctrl+R）用所选推荐核心运行该场景。</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier run(s) ended without finishing (the process was killed); the run history marks them interrupted.</source>
        <translation>
            <numerusform>有 %n 个先前的运行未完成就结束了（进程被终止）；运行历史将其标记为“已中断”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Real logs</source>
        <translation>真实日志</translation>
    </message>
    <message>
        <source>Select an imported log in the Real logs panel first.</source>
        <translation>请先在“真实日志”面板中选择一个已导入的日志。</translation>
    </message>
    <message>
        <source>Choose at least one kind of event to score.</source>
        <translation>请至少选择一种要评分的事件类型。</translation>
    </message>
    <message numerus="yes">
        <source>Replaying log &apos;%1&apos; with %n core(s)</source>
        <translation>
            <numerusform>正在用 %n 个推荐核心回放日志“%1”</numerusform>
        </translation>
    </message>
    <message>
        <source>Scenario saved to %1</source>
        <translation>场景已保存到 %1</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>无法开始</translation>
    </message>
    <message>
        <source>The run cannot start: the scenario has errors. They are marked in the Scenario panel.</source>
        <translation>无法开始运行：场景有错误，已在“场景”面板中标出。</translation>
    </message>
    <message>
        <source>Unsaved scenario</source>
        <translation>场景未保存</translation>
    </message>
    <message>
        <source>The scenario has edits that are not saved to a file.</source>
        <translation>场景有尚未保存到文件的修改。</translation>
    </message>
    <message>
        <source>Save them to reopen them later; Discard forgets them (the next start opens the scenario as last loaded or saved).</source>
        <translation>保存后可在以后重新打开；“放弃”会丢弃这些修改（下次启动时打开最近一次载入或保存的场景）。</translation>
    </message>
    <message>
        <source>The last scenario, %1, could not be reopened.</source>
        <translation>无法重新打开上次的场景 %1。</translation>
    </message>
    <message>
        <source>Warning: %1. Raise &quot;Stop after&quot; (0 runs the whole scenario) to reach them.</source>
        <translation>警告：%1。请调高“停止于”（0 表示运行整个场景）以覆盖这些事件。</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;What&apos;s this?</source>
        <translation>这是什么？(&amp;W)</translation>
    </message>
    <message>
        <source>Core %1 (%2) was stopped; the other cores go on and its run is stored as failed.</source>
        <translation>核心 %1 (%2) 已被停止;其他核心继续运行,它的运行记录为失败。</translation>
    </message>
    <message>
        <source>Core stopped</source>
        <translation>核心已停止</translation>
    </message>
    <message>
        <source>&amp;Presentation mode (projector)</source>
        <translation>演示模式（投影仪）(&amp;P)</translation>
    </message>
    <message>
        <source>Larger text, charts and icons for a projector; the panels share one tabbed column beside the dashboard</source>
        <translation>为投影仪放大文字、图表和图标；各面板合并为仪表板旁的一列标签页</translation>
    </message>
    <message>
        <source>Load plugin</source>
        <translation>加载插件</translation>
    </message>
    <message>
        <source>Plugin libraries (*.so *.dylib *.dll)</source>
        <translation>插件库 (*.so *.dylib *.dll)</translation>
    </message>
    <message>
        <source>Load &amp;plugin…</source>
        <translation>加载插件(&amp;P)…</translation>
    </message>
    <message>
        <source>Add the recommender cores of a plugin library (a .so file built against Recoscope) to the strategy panel</source>
        <translation>将插件库（基于 Recoscope 构建的 .so 文件）中的推荐核心加入策略面板</translation>
    </message>
    <message numerus="yes">
        <source>Plugin loaded: %n core(s) added (%1).</source>
        <translation>
            <numerusform>插件已加载：添加了 %n 个核心（%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plugin(s) could not be loaded.</source>
        <translation>
            <numerusform>%n 个插件无法加载。</numerusform>
        </translation>
    </message>
    <message>
        <source>Plugin not loaded</source>
        <translation>插件未加载</translation>
    </message>
    <message>
        <source>A plugin could not be loaded, so its cores are missing from the lists; every other core works as before.</source>
        <translation>有一个插件无法加载，因此它的核心不在列表中；其他所有核心照常可用。</translation>
    </message>
    <message>
        <source>Privacy curve</source>
        <translation>隐私曲线</translation>
    </message>
    <message>
        <source>The scenario is not valid: %1</source>
        <translation>场景无效：%1</translation>
    </message>
    <message>
        <source>&amp;Privacy curve…</source>
        <translation>隐私曲线(&amp;P)…</translation>
    </message>
    <message>
        <source>CTR against the differential-privacy budget for several cores, on this scenario</source>
        <translation>在此场景上，多个推荐核心的点击率随差分隐私预算的变化</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::MetricChartView</name>
    <message>
        <source>Save chart as…</source>
        <translation>图表另存为…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot save a chart as .%1: choose .png, .svg or .pdf.</source>
        <translation>无法将图表保存为 .%1：请选择 .png、.svg 或 .pdf。</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Show the whole run again and follow new data (double click, Home)</source>
        <translation>重新显示整个运行并跟随新数据（双击或 Home 键）</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (log scale, zeros not drawn)</source>
        <translation>%1（对数刻度，不绘制零值）</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::OpeChartView</name>
    <message>
        <source>Estimated CTR of the target (95 % intervals) against its real run</source>
        <translation>目标核心的估计点击率（95% 区间）与其真实运行对比</translation>
    </message>
    <message>
        <source>CTR</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>Estimators (grey: not valid on this log); dashed line: the target&apos;s true CTR</source>
        <translation>估计量（灰色：在此日志上无效）；虚线：目标核心的真实点击率</translation>
    </message>
    <message>
        <source>Truth: the target&apos;s own run</source>
        <translation>真值：目标核心自己的运行</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估计值</translation>
    </message>
    <message>
        <source>Estimate (not valid on this log)</source>
        <translation>估计值（在此日志上无效）</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::OpeWindow</name>
    <message>
        <source>Parameters are KEY=VALUE separated by commas; &apos;%1&apos; is not.</source>
        <translation>参数格式为以逗号分隔的 KEY=VALUE；“%1”不符合。</translation>
    </message>
    <message>
        <source>Replaying run %1 with %2 beside its core…</source>
        <translation>正在重放运行 %1，并让 %2 在其核心旁同步作答…</translation>
    </message>
    <message>
        <source>Off-policy check: %1 % done</source>
        <translation>离策略检验：已完成 %1%</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>检验失败：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Target %1 on run %2 (logged by %3): true CTR %4.</source>
        <translation>目标 %1，基于运行 %2（由 %3 记录）：真实点击率 %4。</translation>
    </message>
    <message>
        <source>%1 logged slates over %2 days, logged CTR %3; the target shows the logged item at %4 of its positions, mean importance weight %5 (100 % = full support).</source>
        <translation>%2 天内记录了 %1 个推荐位列表，记录的点击率 %3；目标核心在 %4 的位置上展示了与记录相同的商品，平均重要性权重 %5（100% = 完全支撑）。</translation>
    </message>
    <message>
        <source>Off-policy check: run %1</source>
        <translation>离策略检验：运行 %1</translation>
    </message>
    <message>
        <source>Target core:</source>
        <translation>目标核心：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Run check</source>
        <translation>开始检验</translation>
    </message>
    <message>
        <source>Estimator</source>
        <translation>估计量</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估计值</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>Covers the truth</source>
        <translation>区间覆盖真值</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Estimates the target&apos;s CTR from this run&apos;s slate log, then runs the target on the same shoppers for real (docs/ope.md).</source>
        <translation>根据此运行的推荐列表日志估计目标核心的点击率，然后让目标核心在同一批顾客上真实运行（docs/ope.md）。</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::PrivacyCurveWindow</name>
    <message>
        <source>No core &apos;%1&apos; (see the strategy panel&apos;s list).</source>
        <translation>没有推荐核心“%1”（请查看策略面板中的列表）。</translation>
    </message>
    <message>
        <source>Epsilon &apos;%1&apos; is not a number in (0, 1000].</source>
        <translation>ε“%1”不是 (0, 1000] 范围内的数。</translation>
    </message>
    <message>
        <source>Give at least one core and one epsilon.</source>
        <translation>请至少给出一个推荐核心和一个 ε。</translation>
    </message>
    <message>
        <source>Running %1 cores x %2 budgets…</source>
        <translation>正在运行 %1 个推荐核心 × %2 个预算…</translation>
    </message>
    <message>
        <source>The runs failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>%1, noise off</source>
        <translation>%1，无噪声</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Scenario %1, seed %2: each core with the noise off and at each epsilon, on the same shoppers. z: CTR against the same core with the noise off (two-proportion test; |z| &gt; 1.96 is significant).</source>
        <translation>场景 %1，种子 %2：每个推荐核心在无噪声及每个 ε 下、面对同一批顾客各运行一次。z：与同一核心无噪声时点击率的比较（双比例检验；|z| &gt; 1.96 为显著）。</translation>
    </message>
    <message>
        <source>Privacy: CTR against epsilon</source>
        <translation>隐私：点击率与 ε 的关系</translation>
    </message>
    <message>
        <source>Cores:</source>
        <translation>推荐核心：</translation>
    </message>
    <message>
        <source>Epsilon per day:</source>
        <translation>每日 ε：</translation>
    </message>
    <message>
        <source>Differential-privacy budgets to try, comma-separated; the run with the noise off is always added.</source>
        <translation>要尝试的差分隐私预算，以逗号分隔；总会额外加入一次无噪声的运行。</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>天数：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>epsilon per day</source>
        <translation>每日 ε</translation>
    </message>
    <message>
        <source>CTR</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>推荐核心</translation>
    </message>
    <message>
        <source>Epsilon / day</source>
        <translation>ε / 天</translation>
    </message>
    <message>
        <source>Epsilon spent</source>
        <translation>已花费 ε</translation>
    </message>
    <message>
        <source>z vs noise off</source>
        <translation>相对无噪声的 z</translation>
    </message>
    <message>
        <source>Runs each core with the scenario&apos;s privacy noise off and at each epsilon per day, on the same seed, and charts its CTR.</source>
        <translation>在同一种子下，让每个推荐核心分别在关闭场景隐私噪声和每个每日 ε 下运行，并绘制其点击率。</translation>
    </message>
    <message>
        <source>CTR (%) against the privacy budget</source>
        <translation>点击率（%）与隐私预算的关系</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RecommenderListModel</name>
    <message>
        <source>%1 (external)</source>
        <translation>%1（外部）</translation>
    </message>
    <message>
        <source>Loaded from %1</source>
        <translation>加载自 %1</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunComparisonWindow</name>
    <message>
        <source>No run store is open.</source>
        <translation>没有打开的运行数据库。</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Comparison: %1</source>
        <translation>对比：%1</translation>
    </message>
    <message>
        <source>The per-user statistics could not be computed: %1</source>
        <translation>无法计算按顾客的统计：%1</translation>
    </message>
    <message>
        <source>Computing the per-user statistics from the stored events…</source>
        <translation>正在根据已存储的事件计算按顾客的统计……</translation>
    </message>
    <message>
        <source>No per-user statistics: these runs faced different shoppers (another scenario or seed).</source>
        <translation>没有按顾客的统计：这些运行面对的是不同的顾客（场景或种子不同）。</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Computing the feedback loop from the stored slates and views…</source>
        <translation>正在根据存储的推荐列表和浏览记录计算反馈回路…</translation>
    </message>
    <message>
        <source>The feedback loop could not be recomputed: %1</source>
        <translation>无法重新计算反馈回路：%1</translation>
    </message>
    <message>
        <source>No feedback loop for %1: stored without a slate log.</source>
        <translation>%1 没有反馈回路：存储时未保存推荐列表日志。</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunControls</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Start a new run of the scenario with the chosen cores (Ctrl+R)</source>
        <translation>用所选推荐核心开始新一轮场景运行（Ctrl+R）</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause the run; charts and inspectors stay available (F6)</source>
        <translation>暂停运行；图表和查看器仍可使用（F6）</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Resume a paused run (F5)</source>
        <translation>继续已暂停的运行（F5）</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>End the run now; it is kept in the history as cancelled (Shift+F5)</source>
        <translation>立即结束运行；它会以“已停止”状态保留在历史中（Shift+F5）</translation>
    </message>
    <message>
        <source>St&amp;ep</source>
        <translation>单步(&amp;E)</translation>
    </message>
    <message>
        <source> Speed: </source>
        <translation> 速度：</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>1 minute per second</source>
        <translation>每秒 1 分钟</translation>
    </message>
    <message>
        <source>10 minutes per second</source>
        <translation>每秒 10 分钟</translation>
    </message>
    <message>
        <source>1 hour per second</source>
        <translation>每秒 1 小时</translation>
    </message>
    <message>
        <source>6 hours per second</source>
        <translation>每秒 6 小时</translation>
    </message>
    <message>
        <source>1 day per second</source>
        <translation>每秒 1 天</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>Simulated time per second of wall-clock time</source>
        <translation>每秒真实时间对应的模拟时间</translation>
    </message>
    <message>
        <source>Share of the scenario&apos;s simulated duration (or of the event limit) done by the slowest core</source>
        <translation>最慢的推荐核心已完成的场景模拟时长（或事件上限）比例</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>ETA %1 s</source>
        <translation>预计剩余 %1 秒</translation>
    </message>
    <message>
        <source>Stopped at %1 %</source>
        <translation>已在 %1% 处停止</translation>
    </message>
    <message>
        <source>While paused: advance every core by one shopper action, or to the followed shopper&apos;s next action (F10)</source>
        <translation>暂停时：让每个推荐核心前进一个顾客动作，或前进到被跟踪顾客的下一个动作（F10）</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>While paused: back to the previous step, replayed from the seed (Ctrl+F10)</source>
        <translation>暂停时：回到上一步，从随机种子开始重放（Ctrl+F10）</translation>
    </message>
    <message>
        <source>Log replay: %1 (of %2 days) · %3 events</source>
        <translation>日志回放：%1（共 %2 天）· %3 个事件</translation>
    </message>
    <message>
        <source>Simulated: %1 · %2 events</source>
        <translation>模拟时间：%1 · %2 个事件</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunDiffDialog</name>
    <message>
        <source>Runs %1 and %2 side by side</source>
        <translation>运行 %1 与 %2 并排对比</translation>
    </message>
    <message>
        <source>Only what differs</source>
        <translation>只显示不同之处</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Run %1 (%2)</source>
        <translation>运行 %1（%2）</translation>
    </message>
    <message>
        <source>%1 of %2 settings differ.</source>
        <translation>%2 项设置中有 %1 项不同。</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>推荐核心</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>（无此项）</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunHistoryModel</name>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>The cores of the A/B arena this run belongs to (same shoppers, same random numbers).</source>
        <translation>本次运行所属 A/B 竞技场中的推荐核心（相同的顾客、相同的随机数）。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>推荐核心</translation>
    </message>
    <message>
        <source>Arena</source>
        <translation>竞技场</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation>没有打开的运行数据库。</translation>
    </message>
    <message>
        <source>Label not saved: %1</source>
        <translation>标签未保存：%1</translation>
    </message>
    <message>
        <source>Run %1 is not in the history.</source>
        <translation>运行 %1 不在运行历史中。</translation>
    </message>
    <message>
        <source>Note not saved: %1</source>
        <translation>备注未保存：%1</translation>
    </message>
    <message>
        <source>Double-click or F2 to edit the label; Enter saves it</source>
        <translation>双击或按 F2 编辑标签；按 Enter 保存</translation>
    </message>
    <message>
        <source>Your one-line name for the run: double-click or F2 to edit, Enter saves it to the store</source>
        <translation>您给这次运行起的单行名称：双击或按 F2 编辑，按 Enter 保存到运行数据库</translation>
    </message>
    <message>
        <source>The core&apos;s parameters, defaults included (the tooltip of a cell lists them one per line)</source>
        <translation>推荐核心的参数（含默认值；单元格的提示逐行列出）</translation>
    </message>
    <message>
        <source>Your note on the run, first line (Edit note… shows all of it)</source>
        <translation>您对这次运行的备注（首行；“编辑备注…”显示全文）</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 events/s over %2 s</source>
        <translation>%1 事件/秒，运行 %2 秒</translation>
    </message>
    <message>
        <source>%1 s of set-up before the first event (the shop generated and hashed, the core built)</source>
        <translation>首个事件前准备 %1 秒（生成并哈希商店、构建推荐核心）</translation>
    </message>
    <message>
        <source>peak memory of the process %1 MB</source>
        <translation>进程内存峰值 %1 MB</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunHistoryPanel</name>
    <message>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their events and metrics? This cannot be undone.</source>
        <translation>
            <numerusform>删除 %n 个运行及其事件和指标？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show the charts of the selected run (with the other cores of its arena)</source>
        <translation>显示所选运行的图表（连同其竞技场中的其他推荐核心）</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>对比(&amp;C)</translation>
    </message>
    <message>
        <source>Show the selected runs together, one colour per run</source>
        <translation>将所选运行放在一起显示，每个运行一种颜色</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Run history: %1</source>
        <translation>运行历史：%1</translation>
    </message>
    <message>
        <source>&amp;Trade-offs</source>
        <translation>权衡(&amp;T)</translation>
    </message>
    <message>
        <source>CTR, coverage and revenue of every parameter set of the selected run&apos;s sweep, with the Pareto front marked</source>
        <translation>所选运行所属参数扫描中每组参数的点击率、覆盖率和收入，并标出帕累托前沿</translation>
    </message>
    <message>
        <source>Write metrics and events as CSV and the charts as PNG, SVG and PDF</source>
        <translation>将指标和事件写为 CSV，将图表写为 PNG、SVG 和 PDF</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Report failed: %1</source>
        <translation>报告生成失败：%1</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>报告(&amp;R)…</translation>
    </message>
    <message>
        <source>One web page for the selected runs (up to 8): scenario, parameters, summary with intervals, differences, charts, funnel</source>
        <translation>为所选运行（最多 8 个）生成一个网页：场景、参数、带置信区间的摘要、差异、图表和漏斗</translation>
    </message>
    <message>
        <source>Writing the report to %1…</source>
        <translation>正在将报告写入 %1…</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>对比(&amp;D)</translation>
    </message>
    <message>
        <source>The two selected runs&apos; core, seed, parameters and scenario side by side, what differs marked</source>
        <translation>并排显示所选两个运行的核心、种子、参数和场景，并标出不同之处</translation>
    </message>
    <message>
        <source>Off-policy check…</source>
        <translation>离策略检验…</translation>
    </message>
    <message>
        <source>Estimate another core&apos;s CTR from the selected run&apos;s log (IPS, SNIPS, DM, DR) and check it against that core&apos;s real run</source>
        <translation>根据所选运行的日志估计另一个核心的点击率（IPS、SNIPS、DM、DR），并与该核心的真实运行对照检验</translation>
    </message>
    <message>
        <source>Edit &amp;note…</source>
        <translation>编辑备注(&amp;N)…</translation>
    </message>
    <message>
        <source>Write a note on the selected run; it is saved in the run store</source>
        <translation>为选中的运行写备注；备注保存在运行数据库中</translation>
    </message>
    <message>
        <source>Edit label</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>编辑备注…</translation>
    </message>
    <message>
        <source>Search labels, notes, parameters, scenarios and cores</source>
        <translation>搜索标签、备注、参数、场景和推荐核心</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>只读：%1</translation>
    </message>
    <message>
        <source>Inventory…</source>
        <translation>库存…</translation>
    </message>
    <message>
        <source>Forecast demand from the selected run&apos;s purchases, warn about items about to sell out and score the warnings</source>
        <translation>根据所选运行的购买预测需求，对即将售罄的商品发出预警并评估预警</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::RunNoteDialog</name>
    <message>
        <source>Note on run %1</source>
        <translation>运行 %1 的备注</translation>
    </message>
    <message>
        <source>Run %1: %2 on %3</source>
        <translation>运行 %1：%2，场景 %3</translation>
    </message>
    <message>
        <source>Run %1 “%2”: %3 on %4</source>
        <translation>运行 %1“%2”：%3，场景 %4</translation>
    </message>
    <message>
        <source>What this run was for, what you noticed, what to try next…</source>
        <translation>这次运行的目的、您注意到的现象、下一步要尝试什么…</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::ScenarioPanel</name>
    <message>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scenario files (*.json)</source>
        <translation>场景文件 (*.json)</translation>
    </message>
    <message>
        <source>Save scenario as</source>
        <translation>场景另存为</translation>
    </message>
    <message>
        <source>&amp;Scenario:</source>
        <translation>场景(&amp;S)：</translation>
    </message>
    <message>
        <source>Built-in scenarios shipped with Recoscope.</source>
        <translation>Recoscope 自带的内置场景。</translation>
    </message>
    <message>
        <source>Open JSON…</source>
        <translation>打开 JSON…</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Stop after (events per core):</source>
        <translation>在此后停止（每个推荐核心的事件数）：</translation>
    </message>
    <message>
        <source>whole scenario</source>
        <translation>整个场景</translation>
    </message>
    <message>
        <source>0 runs the whole simulated duration of the scenario.</source>
        <translation>0 表示运行场景的全部模拟时长。</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>The JSON tab does not read as a JSON object (%1); the form is hidden until it does.</source>
        <translation>JSON 标签页中的内容不是有效的 JSON 对象（%1）；修正之前表单将被隐藏。</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::ShopperInspectorPanel</name>
    <message>
        <source>Core:</source>
        <translation>推荐核心：</translation>
    </message>
    <message>
        <source>Shopper &amp;id:</source>
        <translation>顾客编号(&amp;I)：</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Active shoppers (most recent first) — click one:</source>
        <translation>活跃顾客（最近的在前）— 点击查看：</translation>
    </message>
    <message>
        <source>Current slate (the last one served to this shopper):</source>
        <translation>当前推荐列表（最近一次展示给该顾客的）：</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Item, and why (the core&apos;s explanation)</source>
        <translation>商品及推荐理由（推荐核心给出的解释）</translation>
    </message>
    <message>
        <source>Shopper %1</source>
        <translation>顾客 %1</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>分群：</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>第 %1 类</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>地区 %1</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <source>before the run</source>
        <translation>运行开始前</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>访问次数</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Recency</source>
        <translation>最近购买（R）</translation>
    </message>
    <message>
        <source>never bought</source>
        <translation>从未购买</translation>
    </message>
    <message>
        <source>%1 days since the last purchase</source>
        <translation>距上次购买 %1 天</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>购买频次（F）</translation>
    </message>
    <message numerus="yes">
        <source>%n purchase(s)</source>
        <translation>
            <numerusform>%n 次购买</numerusform>
        </translation>
    </message>
    <message>
        <source>Monetary</source>
        <translation>消费金额（M）</translation>
    </message>
    <message>
        <source>Recent events (newest last)</source>
        <translation>最近事件（最新的在最后）</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>商品 %1</translation>
    </message>
    <message>
        <source>(from a recommendation)</source>
        <translation>（来自推荐）</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Comes back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>churned (will not return)</source>
        <translation>已流失（不会再来）</translation>
    </message>
    <message>
        <source>%1% chance per candidate visit</source>
        <translation>每次潜在访问有 %1% 的概率成行</translation>
    </message>
    <message>
        <source>item %1 · %2, brand %3, %4</source>
        <translation>商品 %1 · %2，品牌 %3，%4</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Chart: zoom x in / out</source>
        <translation>图表：横轴放大 / 缩小</translation>
    </message>
    <message>
        <source>+, −, mouse wheel</source>
        <translation>+、−、鼠标滚轮</translation>
    </message>
    <message>
        <source>Chart: zoom to a span / a rectangle</source>
        <translation>图表：缩放到拖选的区间 / 矩形</translation>
    </message>
    <message>
        <source>Drag, Shift+drag</source>
        <translation>拖动，Shift+拖动</translation>
    </message>
    <message>
        <source>Chart: pan</source>
        <translation>图表：平移</translation>
    </message>
    <message>
        <source>Arrow keys, middle-button drag, Ctrl+drag</source>
        <translation>方向键，中键拖动，Ctrl+拖动</translation>
    </message>
    <message>
        <source>Chart: reset zoom</source>
        <translation>图表：重置缩放</translation>
    </message>
    <message>
        <source>Home, 0, double click</source>
        <translation>Home、0、双击</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::StrategyPanel</name>
    <message>
        <source>Core %1</source>
        <translation>推荐核心 %1</translation>
    </message>
    <message>
        <source>Accepted: %1</source>
        <translation>可接受：%1</translation>
    </message>
    <message>
        <source>Pick 1 to %1 recommender cores. Each faces the same shoppers with the same random numbers, so differences come from the cores alone.</source>
        <translation>选择 1 到 %1 个推荐核心。它们面对相同的顾客和相同的随机数，因此差异只来自推荐核心本身。</translation>
    </message>
    <message>
        <source>&amp;Add a core to compare</source>
        <translation>添加推荐核心进行对比(&amp;A)</translation>
    </message>
    <message>
        <source>Remove this core</source>
        <translation>移除此推荐核心</translation>
    </message>
    <message>
        <source>Recommender core; hover an entry for its description.</source>
        <translation>推荐核心；将鼠标悬停在条目上可查看说明。</translation>
    </message>
    <message>
        <source>Latency &amp;budget:</source>
        <translation>延迟预算(&amp;B):</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> µs</source>
        <translation> 微秒</translation>
    </message>
    <message>
        <source>A core whose recommendation takes longer than this is stopped and reported; the other cores go on. Wall-clock time: a run with a budget is reproducible only while every core keeps it.</source>
        <translation>单次推荐耗时超过此值的核心将被停止并报告;其他核心继续运行。这是实际耗时:设置了预算的运行,只有在每个核心都未超出预算时才可复现。</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>参数键：%1</translation>
    </message>
    <message>
        <source>Engine &amp;threads:</source>
        <translation>引擎线程(&amp;T):</translation>
    </message>
    <message>
        <source>How many threads run the cores of a comparison. The results are the same for every value; more threads finish sooner when the machine has free processor cores.</source>
        <translation>用多少个线程运行对比中的各个核心。任何取值下结果都完全相同；机器有空闲处理器核心时，线程越多完成得越快。</translation>
    </message>
    <message>
        <source>Add &amp;Python core…</source>
        <translation>添加 &amp;Python 核心…</translation>
    </message>
    <message>
        <source>Load a class with recommend(request) from a .py file and run it as a core beside the built-in ones (docs/python.md).</source>
        <translation>从 .py 文件加载一个带有 recommend(request) 方法的类，作为核心与内置核心并列运行（见 docs/python.md）。</translation>
    </message>
    <message>
        <source>This build has no Python support.</source>
        <translation>此版本未包含 Python 支持。</translation>
    </message>
    <message>
        <source>Per &amp;surface…</source>
        <translation>按页面(&amp;S)…</translation>
    </message>
    <message>
        <source>Give the home feed, search, product page or cart page a core of its own; this core serves the others. Every core learns from every event.</source>
        <translation>为首页推荐流、搜索页、商品页或购物车页单独指定推荐核心；其余页面由本核心服务。每个核心都从全部事件中学习。</translation>
    </message>
    <message>
        <source>Serves every surface</source>
        <translation>服务所有页面</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::SurfaceAssignmentDialog</name>
    <message>
        <source>Strategy per surface</source>
        <translation>按页面的推荐策略</translation>
    </message>
    <message>
        <source>Give a surface a core of its own, for example &quot;complete your order&quot; on the cart page. The slot&apos;s core serves every surface left on it. Every core learns from every event; each answers only its surface&apos;s requests.</source>
        <translation>为某个页面单独指定推荐核心，例如购物车页的“凑单推荐”。未单独指定的页面由本槽位的核心服务。每个核心都从全部事件中学习，但只回答本页面的请求。</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>推荐核心</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>(the slot&apos;s core)</source>
        <translation>（本槽位的核心）</translation>
    </message>
    <message>
        <source>KEY=VALUE …</source>
        <translation>键=值 …</translation>
    </message>
    <message>
        <source>Parameters of this surface&apos;s core, separated by spaces, e.g. neighbours=20 or inner=itemknn lambda=0.5 (see the core&apos;s form for its keys); unset ones keep their defaults.</source>
        <translation>该页面核心的参数，以空格分隔，例如 neighbours=20 或 inner=itemknn lambda=0.5（参数名见该核心的表单）；未设置的参数保持默认值。</translation>
    </message>
    <message>
        <source>Home feed</source>
        <translation>首页推荐流</translation>
    </message>
    <message>
        <source>Search page</source>
        <translation>搜索页</translation>
    </message>
    <message>
        <source>Product page</source>
        <translation>商品页</translation>
    </message>
    <message>
        <source>Cart page</source>
        <translation>购物车页</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A surface and the core that serves it, e.g. &quot;Cart page: itemknn&quot;</extracomment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::SurfaceCtrTable</name>
    <message>
        <source>&lt;b&gt;CTR per surface&lt;/b&gt; (a core of its own in brackets)</source>
        <translation>&lt;b&gt;各页面点击率&lt;/b&gt;（括号内为该页面单独的核心）</translation>
    </message>
    <message>
        <source>Clicks / impressions of the slates served on each surface. Carts, purchases and revenue in the cell&apos;s tooltip are those won by the surface&apos;s slates (docs/metrics.md).</source>
        <translation>各页面所展示推荐列表的点击数 / 曝光数。单元格提示中的加购、购买和收入为该页面推荐列表带来的部分（见 docs/metrics.md）。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 impressions, %2 clicks, %3 carts, %4 purchases, revenue %5; p95 latency %6 µs</source>
        <translation>曝光 %1 次，点击 %2 次，加购 %3 次，购买 %4 次，收入 %5；p95 延迟 %6 µs</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::TeachingPanel</name>
    <message>
        <source>Teaching mode runs the tiny teaching-small shop, paused. Press Step (F10) to let one shopper act: you see the slate the core served, why, what the shopper clicked and which events followed.</source>
        <translation>教学模式以暂停状态运行小型的 teaching-small 商店。按“单步”（F10）让一位顾客行动：你会看到推荐核心展示的列表、推荐理由、顾客点击了什么以及随后发生的事件。</translation>
    </message>
    <message>
        <source>Start teaching mode</source>
        <translation>开始教学模式</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>Core:</source>
        <translation>推荐核心：</translation>
    </message>
    <message>
        <source>Events caused by this action:</source>
        <translation>此动作引发的事件：</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Item, and why</source>
        <translation>商品及推荐理由</translation>
    </message>
    <message>
        <source>Compared with the previous slate served to the same shopper: new items, moves up (▲) or down (▼), and the score change.</source>
        <translation>与上一次展示给同一顾客的列表相比：新商品、上升（▲）或下降（▼）的位置，以及得分变化。</translation>
    </message>
    <message>
        <source>No step yet.</source>
        <translation>尚未单步。</translation>
    </message>
    <message>
        <source>This core&apos;s run is over.</source>
        <translation>该推荐核心的运行已结束。</translation>
    </message>
    <message>
        <source>A new visit starts.</source>
        <translation>一次新的访问开始。</translation>
    </message>
    <message>
        <source>The shopper clicked position %1 (highlighted).</source>
        <translation>顾客点击了第 %1 位（已高亮）。</translation>
    </message>
    <message>
        <source>The shopper clicked nothing in the slate.</source>
        <translation>顾客没有点击列表中的任何商品。</translation>
    </message>
    <message>
        <source>First slate for this shopper: every item is new.</source>
        <translation>这是该顾客的第一个推荐列表：所有商品都是新的。</translation>
    </message>
    <message>
        <source>The visit ends.</source>
        <translation>访问结束。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>same place</source>
        <translation>位置不变</translation>
    </message>
    <message>
        <source>▲ %1</source>
        <translation>▲ %1</translation>
    </message>
    <message>
        <source>▼ %1</source>
        <translation>▼ %1</translation>
    </message>
    <message>
        <source>%1 — item %2%3</source>
        <translation>%1 — 商品 %2%3</translation>
    </message>
    <message>
        <source> (from the slate, position %1)</source>
        <translation>（来自推荐列表第 %1 位）</translation>
    </message>
    <message>
        <source>no events (the shopper only looked)</source>
        <translation>无事件（顾客只是看了看）</translation>
    </message>
    <message>
        <source>Replaying the run from the seed to step %1…</source>
        <translation>正在从随机种子重放运行到第 %1 步……</translation>
    </message>
    <message>
        <source>Looking for shopper %1&apos;s next action…</source>
        <translation>正在寻找顾客 %1 的下一个动作……</translation>
    </message>
    <message>
        <source>Stepping…</source>
        <translation>正在单步执行……</translation>
    </message>
    <message>
        <source>One shopper action per core, or every core to the followed shopper&apos;s next action (F10)</source>
        <translation>每个推荐核心前进一个顾客动作，或每个推荐核心前进到被跟踪顾客的下一个动作（F10）</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the previous step: the run is replayed from the seed (deterministic), on the engine&apos;s thread (Ctrl+F10)</source>
        <translation>回到上一步：运行从随机种子开始重放（结果确定），在引擎线程上进行（Ctrl+F10）</translation>
    </message>
    <message>
        <source>Follow shopper</source>
        <translation>跟踪顾客</translation>
    </message>
    <message>
        <source>Step moves every core to this shopper&apos;s next action, so all cores show the same shopper</source>
        <translation>单步时每个推荐核心都前进到该顾客的下一个动作，因此所有推荐核心显示同一位顾客</translation>
    </message>
    <message>
        <source>The shopper to follow (id)</source>
        <translation>要跟踪的顾客（编号）</translation>
    </message>
    <message>
        <source>This core&apos;s run ended before shopper %1 acted again.</source>
        <translation>在顾客 %1 再次行动之前，此推荐核心的运行已结束。</translation>
    </message>
    <message>
        <source>Shopper %1 on the %2 at %3.</source>
        <translation>顾客 %1 在%2，时间为%3。</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Larger text, charts and icons for a projector (View &gt; Presentation mode, Ctrl++)</source>
        <translation>为投影仪放大文字、图表和图标（视图 &gt; 演示模式，Ctrl++）</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::TradeoffChartView</name>
    <message>
        <source>CTR against catalogue coverage (marker size: revenue)</source>
        <translation>点击率与商品目录覆盖率（标记大小：收入）</translation>
    </message>
    <message>
        <source>CTR</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>Catalogue coverage</source>
        <translation>商品目录覆盖率</translation>
    </message>
    <message>
        <source>Pareto-optimal</source>
        <translation>帕累托最优</translation>
    </message>
    <message>
        <source>Dominated</source>
        <translation>被支配</translation>
    </message>
    <message>
        <source>CTR against the long-tail share of impressions (marker size: revenue)</source>
        <translation>点击率与长尾商品曝光占比（标记大小：收入）</translation>
    </message>
    <message>
        <source>Long-tail share</source>
        <translation>长尾占比</translation>
    </message>
    <message>
        <source>%1
CTR %2 %, coverage %3 %, long-tail share %4 %, revenue %5
Click to select run %6</source>
        <translation>%1
点击率 %2 %，覆盖率 %3 %，长尾占比 %4 %，收入 %5
点击选择运行 %6</translation>
    </message>
    <message>
        <source>CTR against the CTR gap between shopper groups (marker size: revenue)</source>
        <translation>点击率与购物者群体间点击率差距（标记大小：收入）</translation>
    </message>
    <message>
        <source>Group CTR gap (max - min)</source>
        <translation>群体点击率差距（最大 - 最小）</translation>
    </message>
    <message>
        <source>Group CTR gap %1 pp</source>
        <translation>群体点击率差距 %1 个百分点</translation>
    </message>
</context>
<context>
    <name>recoscope::ui::TradeoffWindow</name>
    <message>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <source>CTR</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Trade-offs of sweep %1</source>
        <translation>参数扫描 %1 的权衡</translation>
    </message>
    <message>
        <source>No finished runs of sweep %1 in this store.</source>
        <translation>此存储中没有参数扫描 %1 的已完成运行。</translation>
    </message>
    <message>
        <source>Long-tail share</source>
        <translation>长尾占比</translation>
    </message>
    <message>
        <source>&amp;Vertical axis:</source>
        <translation>纵轴(&amp;V)：</translation>
    </message>
    <message>
        <source>Catalogue coverage</source>
        <translation>商品目录覆盖率</translation>
    </message>
    <message>
        <source>Long-tail share of impressions</source>
        <translation>长尾商品曝光占比</translation>
    </message>
    <message>
        <source>Group CTR gap</source>
        <translation>群体点击率差距</translation>
    </message>
    <message>
        <source>CTR gap between shopper groups</source>
        <translation>购物者群体间的点击率差距</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>Measuring the CTR gaps between shopper groups…</source>
        <translation>正在测量购物者群体间的点击率差距…</translation>
    </message>
    <message>
        <source>Some group CTR gaps are unknown: %1</source>
        <translation>部分群体点击率差距未知：%1</translation>
    </message>
</context>
</TS>
