// Demo content for Dispatch: a fictional analytical publication on Eurasia and the wider world.
// Every person, outlet and quotation here is invented; links point to reserved example domains.
import type {
  BlockNode,
  BlockquoteNode,
  BulletListNode,
  HeadingNode,
  InlineNode,
  ListItemNode,
  OrderedListNode,
  ParagraphNode,
  RichTextDocument,
  TextNode,
} from '../../lib/content/document';

export type DemoTopic = {
  slug: string;
  name: string;
  kind: 'REGION' | 'THEME';
  description: string;
};

export type DemoAuthor = {
  slug: string;
  name: string;
  sortName: string;
  position: string;
  location: string;
  /** Topic slugs, most central first. */
  competence: string[];
  fieldOfExpertise: string;
  workExperience: string;
  biography: string;
  website?: string;
  orcid?: string;
  languages: string[];
  hasPhoto: boolean;
};

export type DemoArticleStatus = 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';

export type DemoArticle = {
  slug: string;
  title: string;
  lead: string;
  body: RichTextDocument;
  /** Author slugs in byline order. */
  authors: string[];
  topics: string[];
  status: DemoArticleStatus;
  /** A fixed ISO instant, a time relative to loading (so a scheduled piece stays in the future), or none yet. */
  publishedAt: string | { daysAfterLoad: number } | null;
  language?: 'en' | 'ru';
  republication?: { outlet: string; url: string; publishedAt: string; canonicalPolicy: 'SELF' | 'ORIGINAL' };
  source?: { title: string; url: string };
};

export type DemoAccount = {
  email: string;
  name: string;
  role: 'ADMIN' | 'EDITOR' | 'FELLOW';
  password: string;
  authorSlug?: string;
};

type Inline = string | InlineNode;
type ListItemContent = Inline | Inline[];

const toInline = (part: Inline): InlineNode => (typeof part === 'string' ? { type: 'text', text: part } : part);
const bold = (text: string): TextNode => ({ type: 'text', text, marks: [{ type: 'bold' }] });
const italic = (text: string): TextNode => ({ type: 'text', text, marks: [{ type: 'italic' }] });
const link = (text: string, href: string): TextNode => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });
const paragraph = (...parts: Inline[]): ParagraphNode => ({ type: 'paragraph', content: parts.map(toInline) });
/** A paragraph that opens with a bold run-in subhead, the house style for analysis. */
const runIn = (subhead: string, ...parts: Inline[]): ParagraphNode => paragraph(bold(subhead), ...parts);
const heading2 = (text: string): HeadingNode => ({ type: 'heading', attrs: { level: 2 }, content: [toInline(text)] });
const heading3 = (text: string): HeadingNode => ({ type: 'heading', attrs: { level: 3 }, content: [toInline(text)] });
const quote = (...paragraphs: string[]): BlockquoteNode => ({
  type: 'blockquote',
  content: paragraphs.map((text) => paragraph(text)),
});
const listItem = (content: ListItemContent): ListItemNode => ({
  type: 'listItem',
  content: [Array.isArray(content) ? paragraph(...content) : paragraph(content)],
});
const bullets = (...items: ListItemContent[]): BulletListNode => ({ type: 'bulletList', content: items.map(listItem) });
const numbered = (...items: ListItemContent[]): OrderedListNode => ({
  type: 'orderedList',
  attrs: { start: 1 },
  content: items.map(listItem),
});
const doc = (...content: BlockNode[]): RichTextDocument => ({ type: 'doc', content });

export const demoTopics: DemoTopic[] = [
  {
    slug: 'central-asia',
    name: 'Central Asia',
    kind: 'REGION',
    description: 'Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan: politics, economies and their neighbours.',
  },
  {
    slug: 'south-caucasus',
    name: 'South Caucasus',
    kind: 'REGION',
    description: 'Armenia, Azerbaijan and Georgia, between the Black Sea and the Caspian.',
  },
  {
    slug: 'eastern-europe',
    name: 'Eastern Europe',
    kind: 'REGION',
    description: 'Ukraine, Moldova, Belarus and the eastern members of the European Union.',
  },
  {
    slug: 'russia',
    name: 'Russia',
    kind: 'REGION',
    description: 'Russian domestic politics, its regions and economy, and its role in the wider neighbourhood.',
  },
  {
    slug: 'middle-east',
    name: 'Middle East',
    kind: 'REGION',
    description: 'The Gulf, the Levant and Iraq, and their ties with Eurasia.',
  },
  {
    slug: 'east-asia',
    name: 'East Asia',
    kind: 'REGION',
    description: 'China, Japan and the Korean Peninsula as economic and security actors across Eurasia.',
  },
  {
    slug: 'energy',
    name: 'Energy',
    kind: 'THEME',
    description: 'Oil, gas, power grids and the energy transition.',
  },
  {
    slug: 'security',
    name: 'Security',
    kind: 'THEME',
    description: 'Conflicts, borders, defence policy and the protection of critical infrastructure.',
  },
  {
    slug: 'economy',
    name: 'Economy',
    kind: 'THEME',
    description: 'Trade, investment, transport corridors, sanctions and public finance.',
  },
  {
    slug: 'migration',
    name: 'Migration',
    kind: 'THEME',
    description: 'Labour migration, remittances, displacement and integration.',
  },
  {
    slug: 'climate-and-water',
    name: 'Climate and Water',
    kind: 'THEME',
    description: 'Water scarcity, shared rivers and the regional effects of a warming climate.',
  },
];

export const demoAuthors: DemoAuthor[] = [
  {
    // Transliterated from Kazakh Cyrillic (Айгерим Садыкова).
    slug: 'aigerim-sadykova',
    name: 'Aigerim Sadykova',
    sortName: 'Sadykova, Aigerim',
    position: 'Senior Fellow',
    location: 'Almaty, Kazakhstan',
    competence: ['central-asia', 'energy', 'economy'],
    fieldOfExpertise: 'Energy markets and infrastructure finance in Central Asia',
    workExperience:
      'Before joining Dispatch, Aigerim spent eight years at a regional development bank structuring loans for power and transport projects in Kazakhstan and Uzbekistan. She began her career as a utilities analyst at an Almaty brokerage.',
    biography:
      "Aigerim Sadykova is a Senior Fellow at Dispatch, where she leads the Central Asia energy programme. Her research examines how power grids, pipelines and rail links shape the region's economic choices and its relations with China, Russia and Europe. She writes regularly for regional and international outlets and advises development institutions on infrastructure planning. She holds a master's degree in economics and is completing a doctorate on electricity market reform in post-Soviet states.",
    website: 'https://aigerimsadykova.example',
    orcid: '0000-0002-4817-3651',
    languages: ['Kazakh', 'Russian', 'English'],
    hasPhoto: true,
  },
  {
    slug: 'tamar-gelashvili',
    name: 'Tamar Gelashvili',
    sortName: 'Gelashvili, Tamar',
    position: 'Fellow',
    location: 'Tbilisi, Georgia',
    competence: ['south-caucasus', 'security', 'migration'],
    fieldOfExpertise: 'Conflict resolution, borders and labour migration in the South Caucasus',
    workExperience:
      'Tamar worked for six years with an international monitoring mission in Georgia and later advised a parliamentary committee on European integration. She has taught political science at a university in Tbilisi.',
    biography:
      "Tamar Gelashvili is a Fellow at Dispatch covering the South Caucasus. Her work follows how border settlements, migration and outside powers shape everyday life in Georgia, Armenia and Azerbaijan. She is particularly interested in the practical side of peace-making: commissions, crossings and the communities that live beside new lines on the map. She is based in Tbilisi and travels widely in the region.",
    website: 'https://tamargelashvili.example',
    languages: ['Georgian', 'English', 'Russian', 'German'],
    hasPhoto: true,
  },
  {
    slug: 'oksana-levchuk',
    name: 'Oksana Levchuk',
    sortName: 'Levchuk, Oksana',
    position: 'Nonresident Fellow',
    location: 'Warsaw, Poland',
    competence: ['eastern-europe', 'economy', 'migration'],
    fieldOfExpertise: 'Public finance, reconstruction and migration policy in Ukraine and Central Europe',
    workExperience:
      "Oksana spent a decade in Ukraine's finance ministry and in municipal government, working on budget transparency and public procurement. She has since advised international donors on the design of reconstruction programmes.",
    biography:
      'Oksana Levchuk is a Nonresident Fellow at Dispatch. She studies how money for Ukrainian reconstruction moves from pledges to projects, and how Central European states are adapting to a large, settled Ukrainian workforce. Before moving to Warsaw she worked in Kyiv and Lviv. Her commentary has appeared in Ukrainian, Polish and English-language media.',
    orcid: '0000-0003-1952-0842',
    languages: ['Ukrainian', 'Polish', 'English', 'Russian'],
    hasPhoto: true,
  },
  {
    slug: 'julian-whitcombe',
    name: 'Julian Whitcombe',
    sortName: 'Whitcombe, Julian',
    position: 'Senior Fellow',
    location: 'London, United Kingdom',
    competence: ['russia', 'security', 'eastern-europe', 'economy'],
    fieldOfExpertise: 'The Russian economy, sanctions policy and maritime security in Northern Europe',
    workExperience:
      'Julian served for twelve years as a government analyst focusing on Russia and the Baltic region before turning to research on sanctions. He has given evidence to parliamentary committees on economic security.',
    biography:
      "Julian Whitcombe is a Senior Fellow at Dispatch. He writes on how sanctions work in practice, on the regional economies inside Russia, and on the protection of undersea infrastructure in the Baltic and North Seas. He is the author of a study of Russia's regional budgets and a frequent speaker at European security conferences.",
    website: 'https://julianwhitcombe.example',
    orcid: '0000-0002-0573-4180',
    languages: ['English', 'Russian', 'Swedish'],
    hasPhoto: true,
  },
  {
    slug: 'leila-haddad',
    name: 'Leila Haddad',
    sortName: 'Haddad, Leila',
    position: 'Nonresident Fellow',
    location: 'Amman, Jordan',
    competence: ['middle-east', 'energy', 'climate-and-water'],
    fieldOfExpertise: 'Energy transition and water security in the Middle East',
    workExperience:
      'Leila worked as an engineer on desalination and solar projects in Jordan and the Gulf before moving into policy research. She has advised regional utilities on long-term system planning.',
    biography:
      'Leila Haddad is a Nonresident Fellow at Dispatch. An engineer by training, she looks at the hard numbers behind energy and water plans in the Middle East: what grids can carry, what rivers can supply and what consumers can pay. She contributes to the publication\'s work on links between the Gulf, the Caspian region and Central Asia.',
    languages: ['Arabic', 'English', 'French'],
    hasPhoto: true,
  },
  {
    // Transliterated from Japanese (石田 遥).
    slug: 'haruka-ishida',
    name: 'Haruka Ishida',
    sortName: 'Ishida, Haruka',
    position: 'Fellow',
    location: 'Tokyo, Japan',
    competence: ['east-asia', 'energy', 'economy'],
    fieldOfExpertise: 'East Asian energy security and economic statecraft',
    workExperience:
      'Haruka spent seven years at a Japanese trading house working on LNG procurement and shipping, including two years in Singapore. She joined Dispatch after a policy fellowship on supply-chain resilience.',
    biography:
      'Haruka Ishida is a Fellow at Dispatch. She follows how Japan, South Korea and China secure energy and critical minerals, and how their choices reach into Central Asia and the Middle East. Her current project compares state-backed investment strategies along the trade routes between East Asia and Europe.',
    orcid: '0000-0001-6238-9072',
    languages: ['Japanese', 'English', 'Korean'],
    hasPhoto: true,
  },
  {
    // Transliterated from Uzbek Cyrillic (Шоҳруҳ Турсунов); has no portrait, to exercise the placeholder.
    slug: 'shohrukh-tursunov',
    name: 'Shohrukh Tursunov',
    sortName: 'Tursunov, Shohrukh',
    position: 'Nonresident Fellow',
    location: 'Tashkent, Uzbekistan',
    competence: ['central-asia', 'climate-and-water', 'migration', 'security'],
    fieldOfExpertise: 'Water governance, labour migration and regional security in Central Asia',
    workExperience:
      'Shohrukh worked for a basin water authority in the Fergana Valley and later for a non-governmental organisation supporting returning labour migrants. He has advised several cross-border cooperation programmes.',
    biography:
      'Shohrukh Tursunov is a Nonresident Fellow at Dispatch based in Tashkent. He writes about shared rivers, the movement of workers between Central Asia and its neighbours, and the slow build-up of regional institutions. He publishes in Uzbek, Russian and English.',
    languages: ['Uzbek', 'Russian', 'Tajik', 'English'],
    hasPhoto: false,
  },
  {
    // A guest contributor: a byline without a login or a portrait.
    slug: 'gunel-hasanova',
    name: 'Günel Həsənova',
    sortName: 'Həsənova, Günel',
    position: 'Guest Contributor',
    location: 'Baku, Azerbaijan',
    competence: ['south-caucasus', 'security'],
    fieldOfExpertise: 'Border communities and local governance in the South Caucasus',
    workExperience: 'Günel is an independent journalist who has reported from the border districts of Azerbaijan and Georgia for regional media.',
    biography:
      'Günel Həsənova is a journalist based in Baku. Her reporting focuses on villages along contested and newly agreed borders, and on how residents experience decisions made in capitals.',
    languages: ['Azerbaijani', 'Russian', 'English', 'Turkish'],
    hasPhoto: false,
  },
];

export const featuredArticleSlug = 'middle-corridor-needs-railcars';

export const demoArticles: DemoArticle[] = [
  {
    slug: 'fergana-valley-shared-water-ledger',
    title: 'In the Fergana Valley, Water Sharing Starts With a Shared Ledger',
    lead: 'Kyrgyzstan, Tajikistan and Uzbekistan have moved from confrontation to cooperation over border water. Whether that lasts depends less on treaties than on trusted, shared data about who takes what, and when.',
    authors: ['shohrukh-tursunov'],
    topics: ['central-asia', 'climate-and-water', 'security'],
    status: 'PUBLISHED',
    publishedAt: '2025-06-04T07:00:00.000Z',
    body: doc(
      runIn(
        'The short version: ',
        'Ten years ago, quarrels over canals and reservoirs in the Fergana Valley regularly turned into standoffs between border villages. Today the three governments talk more often and more calmly. But the arrangements that keep the peace are still largely informal, negotiated season by season, and they depend on officials who trust each other personally.',
      ),
      runIn(
        'Why it matters: ',
        "The valley is home to a large share of Central Asia's population, and almost all of its farming depends on irrigation. A dry summer upstream becomes a poor harvest downstream within weeks. As the glaciers that feed the rivers retreat, the margin for error narrows.",
      ),
      heading2('What a shared ledger would change'),
      paragraph(
        'Most disputes begin with a disagreement about facts: how much water left a reservoir, how much arrived at a canal head, and who diverted the difference. Each side keeps its own measurements, and few of them are published. A joint, public record of flows at a handful of agreed gauging points would not settle every argument, but it would move arguments from the village to the spreadsheet.',
      ),
      bullets(
        'Automated gauges at the main cross-border canal heads, read by both sides at the same time.',
        'A weekly public bulletin of releases and withdrawals in Kyrgyz, Tajik, Uzbek and Russian.',
        'An agreed procedure for what happens when readings disagree, settled before anyone reaches for a shovel.',
      ),
      quote('Water diplomacy in the valley has become good at putting out fires. It has not yet become good at removing the fuel.'),
      runIn(
        'What to watch: ',
        'Whether donors who pay for irrigation repairs make data sharing a condition, and whether the next dry year tests the new habits before they are written down. ',
        link('Our earlier note on basin institutions', 'https://example.org/dispatch/notes/basin-institutions'),
        ' sets out the options in more detail.',
      ),
    ),
  },
  {
    slug: 'baltic-seabed-limits-of-deterrence',
    title: "Guarding the Seabed: Europe's Undersea Cables and the Limits of Deterrence",
    lead: 'Damage to cables and pipelines under the Baltic Sea has shown how hard it is to protect infrastructure that is long, remote and mostly unwatched. Patrols help; resilience helps more.',
    authors: ['julian-whitcombe'],
    topics: ['eastern-europe', 'security'],
    status: 'PUBLISHED',
    publishedAt: '2025-06-25T09:30:00.000Z',
    body: doc(
      runIn(
        'The problem: ',
        'The floor of the Baltic Sea carries power interconnectors, gas pipelines and data cables that tie the Nordic and Baltic states to each other and to the rest of Europe. A series of incidents in which anchors were dragged across this infrastructure has turned its protection from a maintenance question into a security one.',
      ),
      runIn(
        'Why deterrence is hard: ',
        'Deterrence works when an attacker expects to be identified and punished. On the seabed both steps are slow. Establishing which vessel caused the damage can take weeks, proving intent is harder still, and the legal tools for acting against a ship in international waters are limited.',
      ),
      heading2('Three things that would help'),
      numbered(
        [bold('Watch the ships, not only the seabed. '), 'Sharing vessel-tracking and port-call data among coastal states would flag risky behaviour before damage is done.'],
        [bold('Plan for failure. '), 'Spare cable stocks, repair ships on standby and alternative routes reduce the payoff of any single cut.'],
        [bold('Agree the response in advance. '), 'Governments should settle now which inspections, detentions and diplomatic steps follow an incident, so that the response is quick and predictable.'],
      ),
      quote('The most credible deterrent is a network that shrugs off a cut within days.'),
      paragraph(
        'None of this removes the need for naval patrols, which have real signalling value. But patrols alone cannot cover thousands of kilometres of cable. Resilience is less dramatic and more reliable.',
      ),
    ),
  },
  {
    slug: 'ukraine-reconstruction-follows-procurement',
    title: "Ukraine's Reconstruction Money Will Follow Procurement Reform, Not the Other Way Round",
    lead: 'Donors have pledged large sums for rebuilding Ukraine. How quickly that money becomes roads, schools and power lines depends on the unglamorous machinery of public procurement.',
    authors: ['oksana-levchuk'],
    topics: ['eastern-europe', 'economy'],
    status: 'PUBLISHED',
    publishedAt: '2025-07-22T06:00:00.000Z',
    republication: {
      outlet: 'The Vistula Quarterly',
      url: 'https://example.org/vistula-quarterly/2025/reconstruction-procurement',
      publishedAt: '2025-07-15T08:00:00.000Z',
      canonicalPolicy: 'ORIGINAL',
    },
    body: doc(
      paragraph(italic('This article first appeared in The Vistula Quarterly and is republished with permission.')),
      runIn(
        'The argument: ',
        'Ukraine already runs an electronic procurement system that is widely cited as a model of transparency. The bottleneck lies elsewhere: in the capacity of municipalities to prepare projects, in the speed of technical approvals, and in the willingness of foreign contractors to bid when risks are hard to price.',
      ),
      runIn(
        'Where the delays are: ',
        'Conversations with municipal officials in three oblasts point to the same pattern. Projects are announced quickly, but design documents, land questions and environmental reviews take many months, and small councils have few engineers to do the work.',
      ),
      bullets(
        'Fund project-preparation teams, not only construction.',
        'Standardise designs for schools, clinics and substations so that each project does not start from scratch.',
        'Offer war-risk insurance that lets mid-sized foreign firms bid.',
      ),
      quote('Transparency tells you where the money went. It does not tell you why so little of it has moved yet.'),
      runIn(
        'The bottom line: ',
        'Donors who want faster results should spend a little more on the plumbing of procurement and a little less on announcements.',
      ),
    ),
  },
  {
    slug: 'gulf-solar-exports-grid-math',
    title: 'The Gulf Wants to Export Sunshine. The Grid Math Is Harder',
    lead: "Gulf states have some of the world's cheapest solar power and ambitious plans to sell it abroad as electricity or hydrogen. Interconnectors, storage and buyers will decide how much of the plan survives.",
    authors: ['leila-haddad'],
    topics: ['middle-east', 'energy', 'climate-and-water'],
    status: 'PUBLISHED',
    publishedAt: '2025-08-19T08:15:00.000Z',
    body: doc(
      runIn(
        'The context: ',
        'Solar auctions in the Gulf have produced some of the lowest electricity prices ever recorded. Governments now want to turn that advantage into exports: power sent by cable to neighbours and to Europe, or hydrogen and ammonia shipped by sea.',
      ),
      heading2('Three constraints'),
      runIn(
        'Distance: ',
        'Long high-voltage cables are technically feasible, but every border a line crosses adds a negotiation, a regulator and a political risk.',
      ),
      runIn(
        'Timing: ',
        'Solar output peaks at midday, while demand in the region peaks in the evening, when air conditioning works hardest. Without large-scale storage, cheap daytime power is worth less than it looks.',
      ),
      runIn(
        'Buyers: ',
        "European importers want long-term contracts for clean hydrogen, but only at prices that today's projects struggle to meet.",
      ),
      quote('Cheap electrons are the start of an export industry, not the end of one.'),
      paragraph(
        'The likeliest outcome over the next decade is more modest than the headlines: regional grid links that trade power among Gulf neighbours, and a few flagship hydrogen projects backed by state buyers. That would still be a significant shift for economies built on oil and gas.',
      ),
    ),
  },
  {
    slug: 'georgia-remittances-hidden-cost',
    title: 'Remittances Keep Georgian Households Afloat, but at a Cost',
    lead: 'Money sent home by Georgians working abroad supports family budgets and the lari. It also masks a shrinking workforce and weak job creation at home.',
    authors: ['tamar-gelashvili'],
    topics: ['south-caucasus', 'migration', 'economy'],
    status: 'PUBLISHED',
    publishedAt: '2025-09-09T07:45:00.000Z',
    source: {
      title: 'Dispatch household survey, South Caucasus, 2025 wave',
      url: 'https://example.org/dispatch/data/south-caucasus-household-survey-2025',
    },
    body: doc(
      runIn(
        'What the data show: ',
        'In the villages of western Georgia it is common to find households whose main earner works in Italy, Greece or Germany. In our survey, transfers from abroad most often paid for the basics: food, utilities, school costs and medicine.',
      ),
      runIn(
        'The benefit: ',
        'Remittances are steady, arrive in foreign currency and tend to rise when the home economy weakens. They have cushioned families through several downturns.',
      ),
      runIn(
        'The cost: ',
        'The same flows ease the pressure to create jobs at home. Many of those who leave are women working in care, and their absence reshapes families as well as the labour market. Returning migrants often find that the skills they gained abroad count for little.',
      ),
      heading2('What policy could do'),
      bullets(
        'Lower the cost of sending money by encouraging competition among transfer services.',
        'Recognise qualifications earned abroad so that returnees can work at their level.',
        'Channel part of migrant savings into local investment through simple, trusted products.',
      ),
      quote('A remittance economy is stable in the short run and fragile in the long run.'),
      paragraph('Georgia is not unusual in this. What would be unusual is a plan that treats remittances as a bridge to something else rather than as a permanent support.'),
    ),
  },
  {
    slug: 'tsentralnaya-aziya-bezopasnost-bez-garanta',
    title: 'Центральная Азия: безопасность без единого гаранта',
    lead: 'Государства региона всё реже полагаются на одного внешнего партнёра в вопросах безопасности. Новая модель гибче, но требует больше собственных усилий.',
    authors: ['shohrukh-tursunov'],
    topics: ['central-asia', 'russia', 'security'],
    status: 'PUBLISHED',
    publishedAt: '2025-10-08T05:30:00.000Z',
    language: 'ru',
    body: doc(
      runIn(
        'Коротко: ',
        'На протяжении трёх десятилетий безопасность Центральной Азии строилась вокруг одного главного внешнего партнёра. Сегодня столицы региона выстраивают более сложную систему: двусторонние соглашения, совместные учения с разными странами и постепенное укрепление собственных армий и пограничных служб.',
      ),
      runIn(
        'Почему это важно: ',
        'Обстановка на афганской границе, споры о воде и рост контрабанды требуют быстрых решений. Опора на одного гаранта делала регион зависимым от чужих приоритетов и чужого календаря.',
      ),
      heading2('Три тенденции'),
      numbered(
        'Рост оборонных бюджетов и закупки вооружений у разных поставщиков.',
        'Развитие региональных форматов, в которых внешние державы не участвуют.',
        'Больше внимания пограничной инфраструктуре и обмену данными между соседями.',
      ),
      quote('Многовекторность в безопасности — это не лозунг, а ежедневная работа с несколькими партнёрами одновременно.'),
      runIn(
        'Что дальше: ',
        'Главный вопрос — успеют ли государства региона договориться между собой быстрее, чем изменится внешняя обстановка. Подробнее о региональных форматах — в ',
        link('нашем обзоре', 'https://example.org/dispatch/ru/regionalnye-formaty'),
        '.',
      ),
    ),
  },
  {
    slug: 'south-caucasus-border-commissions',
    title: 'Border Commissions Are Where Peace in the South Caucasus Will Be Won or Lost',
    lead: "Leaders' declarations set the direction. The slow work of agreeing a border, village by village, decides whether a settlement between Armenia and Azerbaijan holds.",
    authors: ['tamar-gelashvili', 'gunel-hasanova'],
    topics: ['south-caucasus', 'security'],
    status: 'PUBLISHED',
    publishedAt: '2025-11-20T10:00:00.000Z',
    body: doc(
      runIn(
        'The setting: ',
        'Armenia and Azerbaijan have spent years negotiating the principles of a peace settlement. Much of the practical work, however, falls to bilateral commissions that must agree where the border runs: a line that passes roads, pastures, water intakes and, in places, the edges of villages.',
      ),
      runIn(
        'Why the details matter: ',
        'A border that cuts a village off from its cemetery, its pasture or its water supply creates grievances that outlast any summit. Experience elsewhere in the former Soviet Union shows that careless delimitation can reopen disputes decades later.',
      ),
      heading2('Lessons from elsewhere'),
      paragraph(
        'The border agreements reached in recent years in the Fergana Valley offer a mixed record. They show that even long-running disputes can be closed when leaders commit to it. They also show that communities left out of the process can feel that the result was imposed on them.',
      ),
      bullets(
        'Publish maps early and explain them locally, in the languages people speak.',
        'Guarantee access to cemeteries, pastures and water across the new line.',
        'Fund roads, schools and clinics on both sides so that the border brings visible benefits.',
      ),
      quote('A line on a map is agreed in a capital. It is lived with in a village.'),
      runIn(
        'The outlook: ',
        'Progress will be slow and uneven. That is not a failure: a border drawn quickly and explained badly would be far more dangerous.',
      ),
    ),
  },
  {
    slug: 'moldova-winter-energy-test',
    title: "Moldova's Winter Test: Energy Independence on a Budget",
    lead: 'Moldova has rebuilt its energy supply around European markets in a few years. The next step, paying for it without exhausting the patience of households, is harder.',
    authors: ['oksana-levchuk', 'aigerim-sadykova'],
    topics: ['eastern-europe', 'energy'],
    status: 'PUBLISHED',
    publishedAt: '2025-12-10T08:00:00.000Z',
    body: doc(
      runIn(
        'How far Moldova has come: ',
        'Until recently Moldova bought almost all of its gas from a single supplier and much of its electricity from a power plant in the breakaway Transnistria region. It now buys gas on European markets, has new links to the Romanian grid and has arranged storage with its neighbours.',
      ),
      runIn(
        'The price of diversification: ',
        "Market prices are less predictable than long-term contracts, and the country's poorest households spend a large share of their income on heating. Compensation schemes have softened the blow, but they are costly and hard to target well.",
      ),
      heading2('Priorities for the next two winters'),
      numbered(
        'Finish the high-voltage lines to Romania so that electricity imports no longer depend on a single route.',
        'Move from blanket subsidies to support aimed at vulnerable households.',
        'Invest in efficiency: insulating apartment blocks saves more than most new supply projects cost.',
      ),
      quote('Energy independence is a political achievement. Energy affordability is what voters will judge.'),
      runIn(
        'A comparison: ',
        'Electricity importers in Central Asia face a similar trade-off between security of supply and cost, on a larger scale and with different partners.',
      ),
    ),
  },
  {
    slug: 'russia-regions-absorb-sanctions',
    title: "How Russia's Regions Absorb the Sanctions Shock",
    lead: 'National figures hide wide differences. Regions with defence plants and trade routes to Asia have gained; those tied to European buyers and imported components have lost.',
    authors: ['julian-whitcombe'],
    topics: ['russia', 'economy'],
    status: 'PUBLISHED',
    publishedAt: '2026-01-14T09:00:00.000Z',
    body: doc(
      runIn(
        'Beyond the averages: ',
        "Headline figures for Russia's economy since sanctions were tightened suggest resilience. The regions tell a more uneven story, shaped by what each one produces and where it sells.",
      ),
      heading2('Winners and losers'),
      bullets(
        [bold('Gaining: '), 'regions with large defence plants, where state orders have lifted wages and employment.'],
        [bold('Adapting: '), 'regions on the border with China and along the routes to Central Asia, where trade has been redirected.'],
        [bold('Losing: '), 'regions whose industry was built around European buyers, imported machinery or foreign car makers.'],
      ),
      runIn(
        'Why it matters for policy: ',
        'Sanctions are usually judged by their effect on the national budget. Their effect on the regions shapes something else: where discontent gathers, how much leverage regional elites have, and what it costs the centre to keep them loyal.',
      ),
      quote('Averages are where sanctions debates begin. The regions are where their effects are felt.'),
      paragraph(
        'We expect the gap between regions to widen as state spending becomes harder to sustain. Regional budgets, wage arrears and transfers from Moscow will tell us more than the national growth rate.',
      ),
    ),
  },
  {
    slug: 'kazakhstan-grid-energy-transition-bottleneck',
    title: "Kazakhstan's Grid Is the Real Bottleneck in Its Energy Transition",
    lead: 'Kazakhstan has signed deals for gigawatts of wind and solar power. Without a stronger, more flexible grid, much of that capacity will struggle to reach consumers.',
    authors: ['aigerim-sadykova'],
    topics: ['central-asia', 'energy', 'climate-and-water'],
    status: 'PUBLISHED',
    publishedAt: '2026-02-18T06:30:00.000Z',
    source: {
      title: 'Dispatch interviews with grid operators and developers, Astana and Almaty',
      url: 'https://example.org/dispatch/methods/kazakhstan-grid-interviews',
    },
    body: doc(
      runIn(
        'The short version: ',
        'Kazakhstan still makes most of its electricity from coal, much of it in ageing plants in the north. The government wants a growing share of renewables, and international developers have signed agreements for large wind and solar projects. The constraint is no longer investor interest. It is the grid.',
      ),
      runIn(
        'Why it matters: ',
        "The country's power system was built to link northern coal fields with heavy industry, and only a few lines connect the north with the south. The best wind sites are far from the largest cities, and the south relies partly on imports from neighbours at peak times.",
      ),
      heading2('Where the bottlenecks are'),
      bullets(
        'North–south transmission capacity that is already close to its limits in winter.',
        'Too little flexible capacity, such as gas plants or storage, to balance variable wind and solar output.',
        'Tariffs that do not cover the cost of maintaining and upgrading the network.',
      ),
      quote('Developers say the same thing in different words: the projects are ready before the wires are.'),
      heading3('What would help'),
      numbered(
        'Publish a long-term transmission plan with dates, so developers can choose sites where capacity will exist.',
        'Hold auctions for storage and flexible capacity alongside those for wind and solar.',
        'Reform tariffs gradually, with targeted support for low-income households.',
      ),
      runIn(
        'The regional angle: ',
        'A stronger Kazakh grid would make the whole Central Asian power system more useful. Reliable links with Uzbekistan and Kyrgyzstan would let hydropower, wind and solar balance each other across borders. See ',
        link('our map of regional interconnectors', 'https://example.org/dispatch/maps/central-asia-interconnectors'),
        '.',
      ),
      runIn(
        'The bottom line: ',
        'Signing deals for renewable capacity was the easy part. The test of the transition is whether the grid is built at the same pace.',
      ),
    ),
  },
  {
    slug: 'poland-ukrainian-workforce-after-emergency',
    title: 'After the Emergency: What Poland Owes Its Ukrainian Workforce',
    lead: 'Ukrainians in Poland have moved from emergency protection to long-term work and residence. Policy has not yet caught up with that change.',
    authors: ['oksana-levchuk'],
    topics: ['eastern-europe', 'migration', 'economy'],
    status: 'PUBLISHED',
    publishedAt: '2026-03-26T07:00:00.000Z',
    source: {
      title: 'Survey of Ukrainian workers in Polish cities, Dispatch and partners, 2026',
      url: 'https://example.org/dispatch/data/ukrainian-workers-poland-2026',
    },
    body: doc(
      runIn(
        'The change: ',
        "In the first months after the full-scale invasion, Poland's response was an emergency one: shelter, temporary protection and quick access to jobs. Years later, many Ukrainians have steady work, children in Polish schools and rented homes. The temporary has become permanent in all but legal status.",
      ),
      runIn(
        'Where the gaps are: ',
        'Many work below their qualifications, in logistics, hospitality and care, because diplomas are slow to be recognised and language courses are scarce outside the largest cities.',
      ),
      heading2('Three priorities'),
      numbered(
        'A clear route from temporary protection to long-term residence.',
        'Faster recognition of professional qualifications, starting with medicine, teaching and engineering.',
        'Language courses that fit around working hours.',
      ),
      quote('Poland has already done the hard part. The easier part, making it work for the long run, is where attention has slipped.'),
      runIn(
        'Why it matters beyond Poland: ',
        'How Poland handles this will shape decisions about return once reconstruction in Ukraine gathers pace. People who are well settled are also better placed to invest, trade and eventually go home with new skills.',
      ),
    ),
  },
  {
    slug: 'iraq-water-not-oil-next-decade',
    title: "Water, Not Oil, Will Define Iraq's Next Decade",
    lead: 'Upstream dams, rising temperatures and wasteful irrigation are shrinking the water Iraq can rely on. The political consequences may arrive sooner than the physical ones.',
    authors: ['leila-haddad', 'shohrukh-tursunov'],
    topics: ['middle-east', 'climate-and-water', 'security'],
    status: 'PUBLISHED',
    publishedAt: '2026-04-22T08:30:00.000Z',
    source: {
      title: 'Tigris and Euphrates flow records compiled by the Dispatch water team',
      url: 'https://example.org/dispatch/data/tigris-euphrates-flows',
    },
    body: doc(
      runIn(
        'The situation: ',
        'Iraq depends on two rivers that rise in other countries. Dams upstream, a hotter climate and more frequent droughts have reduced the water reaching Iraqi farms, and in dry years salt water pushes further up the Shatt al-Arab.',
      ),
      runIn(
        'Why it is a security issue: ',
        'Farmers who can no longer irrigate move to cities where jobs are scarce. Quarrels over water between tribes and provinces are becoming more frequent, and the state often cannot mediate them.',
      ),
      heading2('What can be done'),
      bullets(
        'Modernise irrigation, which still largely relies on flooding fields.',
        'Agree data-sharing arrangements with upstream neighbours, even before a full deal on allocations.',
        'Price water for large users in a way that rewards saving it.',
      ),
      quote("Oil pays Iraq's bills today. Water decides where Iraqis can live tomorrow."),
      runIn(
        'A comparison with Central Asia: ',
        'The Aral Sea basin shows both the cost of delay and the value of technical cooperation that continues even when politics is difficult.',
      ),
    ),
  },
  {
    slug: 'japan-lng-strategy-asian-gas-markets',
    title: "Japan's LNG Strategy Is Quietly Reshaping Asian Gas Markets",
    lead: 'Japanese buyers are signing long-term contracts again and reselling flexible volumes across Asia. The result is a new role for Japan as a gas trader, not only a consumer.',
    authors: ['haruka-ishida'],
    topics: ['east-asia', 'energy', 'economy'],
    status: 'PUBLISHED',
    publishedAt: '2026-06-03T02:00:00.000Z',
    body: doc(
      runIn(
        'What is happening: ',
        'After years of shortening their contracts, Japanese utilities and trading houses have returned to long-term deals for liquefied natural gas. Many of the new volumes have flexible destinations, so they can be resold to buyers in South and Southeast Asia.',
      ),
      runIn(
        'Why now: ',
        'Recent price spikes showed the risk of relying on the spot market. At the same time, Japanese demand is expected to decline slowly as nuclear plants restart and renewables grow, so companies need somewhere to send any surplus.',
      ),
      heading2('What it means for the region'),
      bullets(
        'Smaller and newer buyers gain access to gas without signing large contracts themselves.',
        'Japanese firms gain influence over pricing and shipping across Asia.',
        'Climate commitments become harder to assess, because emissions from resold gas are counted elsewhere.',
      ),
      quote('Japan is turning its energy insecurity into a trading business.'),
      runIn(
        'What to watch: ',
        'Whether Korean and Chinese buyers adopt the same model, and how Tokyo balances long-term gas commitments against its decarbonisation goals. Our ',
        link('explainer on LNG contract terms', 'https://example.org/dispatch/explainers/lng-contracts'),
        ' gives the background.',
      ),
    ),
  },
  {
    slug: 'seoul-central-asia-critical-minerals',
    title: 'Seoul Looks to Central Asia for Critical Minerals',
    lead: "South Korea's battery makers need lithium, tungsten and rare earths from suppliers outside China. Kazakhstan and Uzbekistan want investment that goes beyond mining.",
    authors: ['haruka-ishida', 'aigerim-sadykova'],
    topics: ['east-asia', 'central-asia', 'economy'],
    status: 'PUBLISHED',
    publishedAt: '2026-08-12T03:00:00.000Z',
    body: doc(
      runIn(
        'The opportunity: ',
        "Korean companies make a large share of the world's batteries and chips, and they depend on a narrow set of suppliers for processed minerals. Central Asia has deposits of many of the minerals they need, and its governments are looking for partners.",
      ),
      runIn(
        'The catch: ',
        'Governments in the region no longer want to export raw ore. They want processing plants, jobs and technology at home. Korean investors want stable rules, reliable power and a way to move products to market.',
      ),
      heading2('What a workable deal looks like'),
      numbered(
        'Joint ventures that include local processing from the start, not as a promise for later.',
        'Long-term supply agreements backed by Korean public finance.',
        'Training programmes that build a local workforce of engineers and technicians.',
      ),
      quote('Everyone wants minerals. Central Asia wants to be more than the place they are dug out of.'),
      runIn(
        'The risks: ',
        'Transport routes are long and cross several borders. Mining uses water in a region already short of it. And competing offers from Chinese, European and American investors will test whether Korean proposals are attractive enough.',
      ),
    ),
  },
  {
    slug: featuredArticleSlug,
    title: 'The Middle Corridor Needs Fewer Summits and More Railcars',
    lead: 'The trade route from China across Central Asia, the Caspian Sea and the South Caucasus to Europe has the backing of every government along the way. What it lacks is capacity, coordination and predictable transit times.',
    authors: ['aigerim-sadykova', 'tamar-gelashvili', 'haruka-ishida'],
    topics: ['central-asia', 'south-caucasus', 'east-asia', 'economy'],
    status: 'PUBLISHED',
    publishedAt: '2026-10-14T06:00:00.000Z',
    body: doc(
      runIn(
        'The short version: ',
        'Since the war in Ukraine made the northern route through Russia riskier for many shippers, interest in the Trans-Caspian route, known as the Middle Corridor, has grown fast. Cargo volumes have risen, but from a low base, and the route still carries a small fraction of trade between China and Europe.',
      ),
      runIn(
        'Why it matters: ',
        'For Kazakhstan, Azerbaijan and Georgia, the corridor is a chance to become transit hubs rather than landlocked or peripheral economies. For Europe and East Asia, it is a way to depend less on routes that pass through Russia or the Red Sea.',
      ),
      heading2('Where the route breaks down'),
      bullets(
        'Ferry capacity on the Caspian is limited, and waits at ports can stretch to weeks.',
        'Each border crossing brings its own paperwork, inspections and fees.',
        'Rolling stock and port equipment are scarce, and the falling level of the Caspian limits how much ships can carry.',
        'No single operator is responsible for the whole journey, so a delay at one point ripples through the rest.',
      ),
      quote('Shippers will forgive a long route. They will not forgive an unpredictable one.'),
      heading3('What would make a difference'),
      numbered(
        [bold('One digital customs process. '), 'A shared electronic system would let cargo be cleared once for the whole route.'],
        [bold('Ports and vessels. '), 'More ferries and deeper berths on both shores of the Caspian and at the Georgian Black Sea ports.'],
        [bold('A through tariff. '), 'Shippers should be able to book and pay for the journey from end to end.'],
      ),
      runIn(
        'The East Asian angle: ',
        'Japanese and Korean logistics firms are watching closely. Their interest depends less on geopolitics than on whether the corridor can offer reliable transit times at a competitive price. ',
        link('Our tracker of corridor projects', 'https://example.org/dispatch/trackers/middle-corridor'),
        ' follows investment announcements and what has actually been built.',
      ),
      runIn(
        'The bottom line: ',
        'The corridor has no shortage of declarations of support. It needs railcars, ferries, common paperwork and an operator willing to answer for the whole route.',
      ),
    ),
  },
  {
    slug: 'caspian-shipping-season-outlook-2025',
    title: 'Caspian Shipping: What to Expect This Season',
    lead: 'A short guide to the capacity, costs and risks of moving freight across the Caspian Sea in the 2025 navigation season.',
    authors: ['aigerim-sadykova'],
    topics: ['central-asia', 'south-caucasus', 'economy'],
    status: 'ARCHIVED',
    publishedAt: '2025-06-11T07:00:00.000Z',
    body: doc(
      runIn(
        'Capacity: ',
        'Ferry and tanker capacity on the Caspian remains tight, and the new vessels ordered by regional operators will not arrive before next year.',
      ),
      runIn(
        'Costs: ',
        'Freight rates have risen with demand, and waiting times at the main ports remain the largest source of uncertainty for shippers.',
      ),
      bullets(
        'Low water limits vessel loads in the shallow northern Caspian.',
        'Weather delays are most frequent in late autumn.',
        'Port upgrades on the eastern shore should ease congestion later in the season.',
      ),
      runIn('Our advice: ', 'Build in buffer time and book capacity early for the autumn peak.'),
    ),
  },
  {
    slug: 'kazakhstan-nuclear-debate-from-whether-to-how',
    title: "Kazakhstan's Nuclear Debate Moves From Whether to How",
    lead: 'With the decision to build a first nuclear power plant taken, the questions now are about the site, the partners, the financing and public trust.',
    authors: ['aigerim-sadykova'],
    topics: ['central-asia', 'energy'],
    status: 'DRAFT',
    publishedAt: null,
    body: doc(
      runIn(
        'Where things stand: ',
        "The government has committed to building the country's first nuclear power plant. Attention has shifted to practical choices that will shape the project for decades.",
      ),
      runIn(
        'Open questions: ',
        'Who will build the plant, how it will be paid for, and how the regulator will be strengthened to oversee it independently.',
      ),
      bullets(
        'Cooling water and the health of the lake closest to the proposed site.',
        'One large plant or several smaller reactors.',
        'Consultation with the communities nearest the site.',
      ),
      paragraph(
        bold('Note to editor: '),
        'figures from the ministry site study (internal file name zephyrine) are still being checked with two sources; hold until confirmed.',
      ),
      quote('The vote settled whether. Everything that matters for safety and cost is in the how.'),
    ),
  },
  {
    slug: 'payment-apps-central-asian-labour-migration',
    title: 'Payment Apps Are Rewiring Labour Migration From Central Asia',
    lead: 'Migrants from Uzbekistan, Tajikistan and Kyrgyzstan increasingly send money home through phone apps. The shift lowers costs but brings new risks.',
    authors: ['shohrukh-tursunov', 'oksana-levchuk'],
    topics: ['central-asia', 'migration', 'economy'],
    status: 'IN_REVIEW',
    publishedAt: null,
    body: doc(
      runIn(
        'What has changed: ',
        'A few years ago most migrants sent money home through cash transfer offices. Today many use mobile apps linked to bank cards, and the money arrives within minutes.',
      ),
      runIn(
        'Who benefits: ',
        'Fees have fallen and families receive money faster. Banks at home gain customers who never had an account before.',
      ),
      runIn(
        'The new risks: ',
        'Payment channels can be cut off by sanctions or regulation overnight, and migrants have little recourse when an app freezes their funds.',
      ),
      bullets(
        'Keep several payment channels open across different countries.',
        'Tell migrants clearly what their rights are as financial customers.',
        'Collect better data on flows, which statistics offices now find harder to track.',
      ),
      quote('The app has replaced the queue at the transfer office, but not the vulnerability of the person sending the money.'),
    ),
  },
  {
    slug: 'caspian-summit-what-to-watch',
    title: 'What to Watch at the Next Caspian Summit',
    lead: 'The five Caspian states meet again with shipping, pipelines and a shrinking sea on the agenda. Here is what will show whether the meeting matters.',
    authors: ['tamar-gelashvili', 'aigerim-sadykova'],
    topics: ['south-caucasus', 'central-asia', 'security', 'energy'],
    status: 'SCHEDULED',
    publishedAt: { daysAfterLoad: 30 },
    body: doc(
      runIn(
        'The agenda: ',
        'Leaders of the five coastal states will discuss transport, energy and the environment. The legal status of the sea was settled in principle years ago, but many practical questions remain open.',
      ),
      heading2('Three questions'),
      numbered(
        'Will there be progress on a gas pipeline across the sea, or only renewed statements of interest?',
        'Will the five agree joint measures on the falling water level?',
        'Will shipping rules be harmonised for the growing number of ferries?',
      ),
      quote(
        'Much of Caspian diplomacy resembles quillwort on a lake bed: it grows slowly and out of sight, and is easy to overlook until the water drops.',
      ),
      runIn('Our expectation: ', 'Modest agreements on the environment and transport are likely. A breakthrough on pipelines is not.'),
    ),
  },
];

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@dispatch.test', name: 'Daniel Reyes', role: 'ADMIN', password: 'demo-admin-password' },
  { email: 'editor@dispatch.test', name: 'Clara Novak', role: 'EDITOR', password: 'demo-editor-password' },
  {
    email: 'fellow@dispatch.test',
    name: 'Aigerim Sadykova',
    role: 'FELLOW',
    authorSlug: 'aigerim-sadykova',
    password: 'demo-fellow-password',
  },
];
