import type { BlockNode, InlineNode, ListItemNode, ParagraphNode, RichTextDocument } from '../../lib/content/document';
import { documentToPlainText } from '../../lib/content/plain-text';
import { slugify } from '../../lib/content/slugify';

// Generated content for scale tests: authors and articles that look like an analytical publication's archive
// (varied lengths, co-authors, topics, twenty years of dates) from a seed, with no database in sight.
// The same seed, topics, taken slugs and `now` always give the same content.

export type BulkTopicSpec = { slug: string; name: string; kind: 'REGION' | 'THEME'; description: string };
export type BulkTopic = { id: string; kind: 'REGION' | 'THEME' };

export type BulkArticleStatus = 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';

export type BulkAuthor = {
  id: string;
  slug: string;
  name: string;
  sortName: string;
  position: string;
  location: string;
  fieldOfExpertise: string;
  workExperience: string;
  biography: string;
  languages: string[];
  retired: boolean;
  competenceTopicIds: string[];
  createdAt: Date;
};

export type BulkArticle = {
  id: string;
  slug: string;
  status: BulkArticleStatus;
  title: string;
  lead: string;
  body: RichTextDocument;
  bodyText: string;
  language: 'en' | 'ru';
  featured: boolean;
  publishedAt: Date | null;
  firstPublishedAt: Date | null;
  contentUpdatedAt: Date | null;
  originalOutlet: string | null;
  originalUrl: string | null;
  originalPublishedAt: Date | null;
  canonicalPolicy: 'SELF' | 'ORIGINAL';
  translationOfId: string | null;
  authorIds: string[];
  topicIds: string[];
  createdAt: Date;
  updatedAt: Date;
};

/** Regions and themes the generator files articles under, besides any approved topics the database already has. */
export const BULK_TOPICS: BulkTopicSpec[] = [
  ...(
    [
      ['central-asia', 'Central Asia'],
      ['south-caucasus', 'South Caucasus'],
      ['eastern-europe', 'Eastern Europe'],
      ['russia', 'Russia'],
      ['middle-east', 'Middle East'],
      ['east-asia', 'East Asia'],
      ['baltic-states', 'Baltic States'],
      ['turkey', 'Turkey'],
      ['south-asia', 'South Asia'],
      ['arctic', 'Arctic'],
    ] as const
  ).map(([slug, name]) => ({ slug, name, kind: 'REGION' as const, description: `Analysis of politics, economy and society in ${name}.` })),
  ...(
    [
      ['energy', 'Energy'],
      ['security', 'Security'],
      ['economy', 'Economy'],
      ['migration', 'Migration'],
      ['climate-and-water', 'Climate and Water'],
      ['trade-and-transport', 'Trade and Transport'],
      ['governance', 'Governance'],
      ['technology', 'Technology'],
      ['public-health', 'Public Health'],
      ['media-and-society', 'Media and Society'],
      ['finance', 'Finance'],
      ['food-and-agriculture', 'Food and Agriculture'],
    ] as const
  ).map(([slug, name]) => ({ slug, name, kind: 'THEME' as const, description: `How ${name.toLowerCase()} shapes the region's choices.` })),
];

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ARCHIVE_YEARS = 20;

/** A small, fast, seedable generator (mulberry32): the same seed gives the same sequence on every platform. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index drawn in proportion to weights given as running totals. */
  weightedIndex(cumulativeWeights: readonly number[]): number {
    const target = this.next() * cumulativeWeights[cumulativeWeights.length - 1]!;
    let low = 0;
    let high = cumulativeWeights.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulativeWeights[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  base36(length: number): string {
    let text = '';
    while (text.length < length) text += Math.floor(this.next() * 36).toString(36);
    return text;
  }
}

// --- Word banks -------------------------------------------------------------------------------------------------

const PLACES = [
  'Almaty', 'Astana', 'Tashkent', 'Bishkek', 'Dushanbe', 'Ashgabat', 'Tbilisi', 'Baku', 'Yerevan', 'Chisinau', 'Kyiv',
  'Warsaw', 'Riga', 'Vilnius', 'Tallinn', 'Minsk', 'Istanbul', 'Ankara', 'Erbil', 'Basra', 'Baghdad', 'Doha', 'Muscat',
  'Seoul', 'Tokyo', 'Ulaanbaatar', 'Novosibirsk', 'Kazan', 'Vladivostok', 'Samarkand', 'Aktau', 'Batumi', 'Odesa',
  'Gdansk', 'Lahore', 'Karachi', 'Murmansk', 'Tromsø',
] as const;

// Plural subjects, so every verb below agrees with every one of them.
const ACTORS = [
  'government ministers', 'regional utilities', 'central bankers', 'port operators', 'energy ministry officials', 'smallholder farmers',
  'foreign investors', 'customs officers', 'members of parliament', 'local officials', 'exporters', 'grid operators',
  'insurers', 'migrant workers', 'municipal councils', 'coalition partners', 'donor agencies', 'commercial banks',
  'rail operators', 'finance ministry officials', 'opposition parties', 'regulators', 'mining companies', 'civil society groups',
  'provincial governors', 'the security services', 'logistics firms', 'pension funds', 'university researchers',
] as const;

const VERBS = [
  'have quietly revised', 'are struggling to finance', 'now depend on', 'underestimated', 'will need to renegotiate',
  'keep postponing', 'have doubled spending on', 'cannot yet replace', 'are betting on', 'rarely mention',
  'have started to question', 'are lobbying against', 'have learned to work around', 'want to expand', 'quietly subsidise',
  'still misread', 'are racing to secure', 'have stopped reporting on', 'depend less and less on', 'are rethinking',
] as const;

const OBJECTS = [
  'the tariff schedule', 'cross-border transmission lines', 'winter gas contracts', 'water allocation quotas',
  'the rail corridor', 'remittance flows', 'grain export licences', 'the reconstruction budget', 'sovereign bond issuance',
  'border crossings', 'the sanctions regime', 'labour permits', 'refinery upgrades', 'desalination plants',
  'the new customs union rules', 'pipeline transit fees', 'irrigation canals', 'the pension reform', 'port expansion plans',
  'critical mineral deposits', 'the electricity market', 'housing subsidies', 'cross-border payments',
  'the defence procurement plan', 'hydropower reservoirs', 'mobile banking', 'wheat reserves', 'the data protection law',
  'regional airports', 'coal-fired power stations', 'the fuel price cap', 'shipping insurance', 'fibre-optic links',
  'the grain corridor', 'wind farm auctions', 'the minimum wage', 'cotton quotas', 'the gold reserve', 'uranium exports',
  'the visa regime', 'district heating', 'the housing market', 'state-owned banks', 'the new tax code', 'tuition fees',
  'hospital budgets', 'vaccine procurement', 'the anti-corruption agency', 'judicial appointments', 'election rules',
  'the media law', 'broadcast licences', 'satellite internet', 'data centres', 'semiconductor supply', 'rare earth refining',
  'the copper mines', 'oil field concessions', 'gas storage', 'the nuclear plant', 'solar subsidies', 'carbon pricing',
  'glacier monitoring', 'drought insurance', 'fisheries quotas', 'the free trade zone', 'container terminals',
] as const;

const TAILS = [
  'despite repeated warnings', 'ahead of the next budget cycle', 'for the third year running', 'without a public debate',
  'at a cost few have tallied', 'under pressure from lenders', 'while prices keep rising', 'as the old agreements expire',
  'before the elections', 'with little help from neighbours', 'long after the crisis peaked', 'on borrowed money',
] as const;

const OPENERS = [
  'In practice, ', 'Yet ', 'By contrast, ', 'Officials insist that ', 'The figures suggest that ', 'Put simply, ',
  'For now, ', 'Since then, ', 'Critics argue that ', 'On paper, ', 'Behind the headlines, ',
] as const;

// Said of "the debate over …", whatever the object's number.
const DEBATE_STATES = [
  'has barely started', 'has moved from parliament to the street', 'matters more than the headline numbers suggest',
  'has become a bargaining chip', 'turns on who pays', 'is still shaped by Soviet-era rules',
  'attracts more attention abroad than at home', 'is long overdue',
] as const;

const SUBHEADS = [
  'The financing gap', 'Who pays', 'What comes next', 'The view from the provinces', 'Risks ahead', 'Lessons from the past',
  'A crowded field', 'The numbers behind the debate', 'Winners and losers', 'What the data show', 'The regional picture',
  'Why timing matters', 'Old habits', 'A narrow window', 'Where the money goes',
] as const;

const OUTLETS = [
  'Eurasia Review Quarterly', 'The Caspian Observer', 'Northern Policy Journal', 'Steppe & Sea', 'Foreign Affairs Digest',
  'The Black Sea Monitor', 'Asia Policy Letter', 'The Baltic Times Review',
] as const;

const FIRST_NAMES = [
  'Aigerim', 'Tamar', 'Oksana', 'Julian', 'Leila', 'Haruka', 'Shohrukh', 'Gunel', 'Anna', 'David', 'Nino', 'Timur',
  'Elena', 'Marco', 'Sofia', 'Arman', 'Dilnoza', 'Pavel', 'Irina', 'Lukas', 'Mariam', 'Yusuf', 'Chen', 'Min-jun',
  'Aleksandra', 'Giorgi', 'Rustam', 'Zarina', 'Hannah', 'Omar', 'Kamila', 'Sergei', 'Natalia', 'Ali', 'Ayesha', 'Bekzod',
  'Camille', 'Daniel', 'Eka', 'Farid', 'Gulnara', 'Henrik', 'Ilona', 'Jakub', 'Katarzyna', 'Levan', 'Madina', 'Nikolai',
  'Olga', 'Petra', 'Rashid', 'Sabina', 'Tomas', 'Ulla', 'Viktor', 'Yulia', 'Zaur', 'Akmal', 'Bianca', 'Dmitri', 'Emma',
  'Fatima', 'Gabriel', 'Hyun-woo', 'Iman', 'Jonas', 'Kenji', 'Lina', 'Mehmet', 'Nadia', 'Oleksandr', 'Priya', 'Rosa',
  'Saule', 'Teymur', 'Vera', 'William', 'Yerlan', 'Zeynep', 'Anton',
] as const;

const LAST_NAMES = [
  'Sadykova', 'Gelashvili', 'Levchuk', 'Whitcombe', 'Haddad', 'Ishida', 'Tursunov', 'Hasanova', 'Novak', 'Kowalski',
  'Beridze', 'Aliyev', 'Petrov', 'Ivanova', 'Rossi', 'Schmidt', 'Karimov', 'Nazarbayeva', 'Mirzoyan', 'Lee', 'Kim',
  'Tanaka', 'Wang', 'Yilmaz', 'Demir', 'Kaplan', 'Osmonov', 'Rahimova', 'Jensen', 'Lindqvist', 'Ozols', 'Kask',
  'Jankauskas', 'Melnyk', 'Shevchenko', 'Bondarenko', 'Popescu', 'Ceban', 'Harutyunyan', 'Mammadov', 'Abdullaev',
  'Yusupova', 'Sultanov', 'Morozov', 'Volkova', 'Sokolov', 'Fischer', 'Dubois', 'Martin', 'Moreau', 'Clarke', 'Hughes',
  'Patel', 'Khan', 'Rahman', 'Hosseini', 'Farouk', 'Mansour', 'Nakamura', 'Park', 'Choi', 'Zhang', 'Liu', 'Bauer',
  'Keller', 'Nowak', 'Horvat', 'Kovacs', 'Szabo', 'Dimitrov', 'Georgiev', 'Ahmadi', 'Eriksen', 'Berg', 'Hall', 'Reid',
  'Turner', 'Baker', 'Okafor', 'Mendes',
] as const;

const POSITIONS = [
  'Senior Fellow', 'Fellow', 'Non-resident Scholar', 'Research Director', 'Visiting Fellow', 'Contributing Editor',
  'Associate Fellow', 'Programme Director', 'Journalist', 'Economist',
] as const;

const COUNTRY_OF_PLACE: Record<(typeof PLACES)[number], string> = {
  Almaty: 'Kazakhstan', Astana: 'Kazakhstan', Tashkent: 'Uzbekistan', Bishkek: 'Kyrgyzstan', Dushanbe: 'Tajikistan',
  Ashgabat: 'Turkmenistan', Tbilisi: 'Georgia', Baku: 'Azerbaijan', Yerevan: 'Armenia', Chisinau: 'Moldova', Kyiv: 'Ukraine',
  Warsaw: 'Poland', Riga: 'Latvia', Vilnius: 'Lithuania', Tallinn: 'Estonia', Minsk: 'Belarus', Istanbul: 'Türkiye',
  Ankara: 'Türkiye', Erbil: 'Iraq', Basra: 'Iraq', Baghdad: 'Iraq', Doha: 'Qatar', Muscat: 'Oman', Seoul: 'South Korea',
  Tokyo: 'Japan', Ulaanbaatar: 'Mongolia', Novosibirsk: 'Russia', Kazan: 'Russia', Vladivostok: 'Russia',
  Samarkand: 'Uzbekistan', Aktau: 'Kazakhstan', Batumi: 'Georgia', Odesa: 'Ukraine', Gdansk: 'Poland', Lahore: 'Pakistan',
  Karachi: 'Pakistan', Murmansk: 'Russia', Tromsø: 'Norway',
};

const RU_PLACES = ['Алматы', 'Ташкенте', 'Бишкеке', 'Тбилиси', 'Баку', 'Ереване', 'Кишинёве', 'Казани', 'Новосибирске', 'Астане'] as const;
// Plural subjects with plural verbs; objects whose accusative is their nominative, so they also serve in titles.
const RU_ACTORS = [
  'власти', 'региональные энергокомпании', 'сотрудники центрального банка', 'таможенники', 'местные чиновники', 'экспортёры',
  'иностранные инвесторы', 'депутаты', 'трудовые мигранты', 'чиновники министерства финансов', 'коммерческие банки', 'регуляторы',
] as const;
const RU_VERBS = [
  'пересматривают', 'не могут профинансировать', 'всё чаще обсуждают', 'недооценили', 'снова откладывают',
  'наращивают расходы на', 'пытаются заменить', 'делают ставку на', 'редко упоминают', 'переосмысливают',
] as const;
const RU_OBJECTS = [
  'тарифы на электроэнергию', 'трансграничные линии электропередачи', 'зимние контракты на газ', 'квоты на воду',
  'железнодорожный коридор', 'денежные переводы', 'экспортные лицензии на зерно', 'бюджет восстановления',
  'пограничные переходы', 'режим санкций', 'разрешения на работу', 'планы модернизации НПЗ', 'параметры пенсионной реформы',
  'рынок электроэнергии', 'ирригационные каналы', 'мобильный банкинг',
] as const;
const RU_TAILS = [
  'уже третий год подряд', 'несмотря на предупреждения экспертов', 'без публичного обсуждения', 'под давлением кредиторов',
  'накануне выборов', 'пока цены продолжают расти', 'после истечения старых соглашений',
] as const;
const RU_OPENERS = ['На практике ', 'Однако ', 'При этом ', 'Как показывают данные, ', 'По словам чиновников, ', 'Пока что '] as const;
const RU_SUBHEADS = ['Кто платит', 'Что дальше', 'Риски', 'Уроки прошлого', 'Цифры и факты', 'Взгляд из регионов', 'Победители и проигравшие'] as const;

// --- Text ---------------------------------------------------------------------------------------------------------

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Vocabulary = { objects: readonly string[]; places: readonly string[] };
const ENGLISH: Vocabulary = { objects: OBJECTS, places: PLACES };
const RUSSIAN: Vocabulary = { objects: RU_OBJECTS, places: RU_PLACES };

class TextWriter {
  private focus: Record<'en' | 'ru', Vocabulary> = { en: ENGLISH, ru: RUSSIAN };

  constructor(private readonly random: SeededRandom) {}

  /** Until the next call, most mentions return to a few subjects and places, as a real piece's do (search depends on it). */
  focusArticle(): void {
    const some = (items: readonly string[], count: number) => Array.from({ length: count }, () => this.random.pick(items));
    this.focus = {
      en: { objects: some(OBJECTS, 3), places: some(PLACES, 2) },
      ru: { objects: some(RU_OBJECTS, 2), places: some(RU_PLACES, 2) },
    };
  }

  private object(language: 'en' | 'ru' = 'en'): string {
    return this.random.pick(this.random.chance(0.95) ? this.focus[language].objects : (language === 'en' ? ENGLISH : RUSSIAN).objects);
  }

  private place(language: 'en' | 'ru' = 'en'): string {
    return this.random.pick(this.random.chance(0.95) ? this.focus[language].places : (language === 'en' ? ENGLISH : RUSSIAN).places);
  }

  private year(): number {
    return this.random.int(2006, 2025);
  }

  sentence(language: 'en' | 'ru'): string {
    const r = this.random;
    if (language === 'ru') {
      const opener = r.chance(0.3) ? r.pick(RU_OPENERS) : '';
      const core = `${r.pick(RU_ACTORS)} ${r.pick(RU_VERBS)} ${this.object('ru')}`;
      const tail = r.chance(0.5) ? ` ${r.pick(RU_TAILS)}` : r.chance(0.3) ? ` в ${this.place('ru')}` : '';
      return `${capitalize(opener + core + tail)}.`;
    }
    switch (r.int(0, 4)) {
      case 0:
        return `In ${this.place()}, the debate over ${this.object()} ${r.pick(DEBATE_STATES)}.`;
      case 1:
        return `${capitalize(r.pick(ACTORS))} ${r.pick(VERBS)} ${this.object()}, and spending has risen by ${r.int(3, 60)} percent since ${this.year()}.`;
      case 2:
        return `${r.pick(OPENERS)}${r.pick(ACTORS)} ${r.pick(VERBS)} ${this.object()} ${r.pick(TAILS)}.`;
      case 3:
        return `The deal on ${this.object()}, worth $${r.int(1, 40)}.${r.int(0, 9)} billion, was signed in ${this.place()} in ${this.year()}.`;
      default:
        return `${capitalize(r.pick(ACTORS))} ${r.pick(VERBS)} ${this.object()}, while ${r.pick(ACTORS)} ${r.pick(VERBS)} ${this.object()}.`;
    }
  }

  sentences(language: 'en' | 'ru', min: number, max: number): string {
    return Array.from({ length: this.random.int(min, max) }, () => this.sentence(language)).join(' ');
  }

  title(language: 'en' | 'ru'): string {
    const r = this.random;
    if (language === 'ru') {
      const templates = [
        () => `Почему ${this.object('ru')} важнее, чем кажется`,
        () => `${capitalize(this.object('ru'))}: что изменилось в ${this.year()} году`,
        () => `Скрытая цена: ${this.object('ru')} в ${this.place('ru')}`,
        () => `${capitalize(r.pick(RU_ACTORS))} и ${this.object('ru')}`,
      ];
      return r.pick(templates)();
    }
    const placed = [
      () => `${this.place()} and the politics of ${this.object()}`,
      () => `The hidden cost of ${this.object()} in ${this.place()}`,
      () => `${this.place()}'s bet on ${this.object()}`,
    ];
    const unplaced = [
      () => `The real test is ${this.object()}, not ${this.object()}`,
      () => `What ${r.pick(ACTORS)} get wrong about ${this.object()}`,
      () => `How ${r.pick(ACTORS)} learned to live with ${this.object()}`,
      () => `Who pays for ${this.object()} when ${r.pick(ACTORS)} walk away`,
    ];
    // A year on many titles and a dateline on those that name no place yet, so a large archive does not repeat
    // the same few thousand titles; the dateline leads, so the 80-character slug still tells them apart.
    if (r.chance(0.1)) return `Can ${this.place()} afford ${this.object()}${r.chance(0.6) ? ` in ${this.year()}` : ''}?`;
    if (r.chance(3 / 7)) return `${r.pick(placed)()}${r.chance(0.8) ? ` in ${this.year()}` : ''}`;
    const title = r.pick(unplaced)();
    const roll = r.next();
    if (roll < 0.6) return `${this.place()}: ${title}`;
    if (roll < 0.95) return `${title} in ${this.year()}`;
    return title;
  }

  private paragraph(language: 'en' | 'ru'): ParagraphNode {
    const r = this.random;
    const text = this.sentences(language, 2, 5);
    if (language === 'en' && r.chance(0.12)) {
      const content: InlineNode[] = [
        { type: 'text', text: `${text} ` },
        { type: 'text', text: 'A recent report', marks: [{ type: 'link', attrs: { href: `https://example.org/reports/${r.int(1000, 99999)}` } }] },
        { type: 'text', text: ` puts the figure ${r.pick(['higher', 'lower', 'in doubt'])}.` },
      ];
      return { type: 'paragraph', content };
    }
    if (r.chance(0.08)) {
      // The house style's run-in subhead: a bold phrase opening the paragraph.
      return { type: 'paragraph', content: [{ type: 'text', text: `${r.pick(SUBHEADS)}. `, marks: [{ type: 'bold' }] }, { type: 'text', text }] };
    }
    return { type: 'paragraph', content: [{ type: 'text', text }] };
  }

  private list(language: 'en' | 'ru'): BlockNode {
    const items: ListItemNode[] = Array.from({ length: this.random.int(3, 6) }, () => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: this.sentence(language) }] }],
    }));
    return this.random.chance(0.7) ? { type: 'bulletList', content: items } : { type: 'orderedList', content: items };
  }

  private quote(language: 'en' | 'ru'): BlockNode {
    const speaker = language === 'ru' ? `сказал один из чиновников в ${this.place('ru')}` : `an official in ${this.place()} said`;
    return { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: `“${this.sentence(language).slice(0, -1)},” ${speaker}.` }] }] };
  }

  /** 3–30 paragraphs, most articles near ten, with subheads in longer pieces and an occasional quote or list. */
  body(language: 'en' | 'ru'): RichTextDocument {
    const r = this.random;
    const paragraphs = Math.min(30, 3 + Math.floor(-Math.log(1 - r.next()) * 7));
    const content: BlockNode[] = [];
    let nextSubheadAt = paragraphs >= 8 ? r.int(3, 6) : paragraphs;
    for (let index = 0; index < paragraphs; index++) {
      if (index === nextSubheadAt) {
        content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: r.pick(language === 'ru' ? RU_SUBHEADS : SUBHEADS) }] });
        nextSubheadAt += r.int(3, 6);
      }
      content.push(this.paragraph(language));
      if (r.chance(0.05)) content.push(this.quote(language));
      if (r.chance(0.04)) content.push(this.list(language));
    }
    return { type: 'doc', content };
  }
}

// --- Generator -----------------------------------------------------------------------------------------------------

export type BulkGeneratorOptions = {
  seed: number;
  /** Dates are spread over the twenty years before this moment; scheduled articles fall after it. */
  now: Date;
  topics: BulkTopic[];
  /** Article and author slugs already used (and old slugs that redirect): generated ones avoid them. */
  takenArticleSlugs: Iterable<string>;
  takenAuthorSlugs: Iterable<string>;
};

// The suffix to try next per base slug, so the thousandth "-N" is found without trying the 999 before it.
type TakenSlugs = { slugs: Set<string>; nextSuffix: Map<string, number> };

type Translatable = { id: string; publishedAt: Date };

// Byline weights fall with rank like 1/(rank + 20): with 5,000 authors and 100,000 articles, a few dozen
// authors have 500+ articles while the least prolific have a handful.
const BYLINE_RANK_OFFSET = 20;

export class BulkContentGenerator {
  private readonly random: SeededRandom;
  private readonly text: TextWriter;
  private readonly regions: BulkTopic[];
  private readonly themes: BulkTopic[];
  private readonly topicWeights: number[];
  private authorIds: string[] = [];
  private authorWeights: number[] = [];
  private readonly englishPublished: Translatable[] = [];
  private authorCount = 0;
  private idSequence = 0;
  // Ids sort in creation order after the ones Prisma's cuid() gave earlier rows (sitemaps page by id).
  private readonly idPrefix: string;
  private readonly takenArticleSlugs: TakenSlugs;
  private readonly takenAuthorSlugs: TakenSlugs;

  constructor(private readonly options: BulkGeneratorOptions) {
    this.takenArticleSlugs = { slugs: new Set(options.takenArticleSlugs), nextSuffix: new Map() };
    this.takenAuthorSlugs = { slugs: new Set(options.takenAuthorSlugs), nextSuffix: new Map() };
    this.random = new SeededRandom(options.seed);
    this.text = new TextWriter(this.random);
    this.regions = options.topics.filter((topic) => topic.kind === 'REGION');
    this.themes = options.topics.filter((topic) => topic.kind === 'THEME');
    if (this.regions.length === 0 || this.themes.length === 0) throw new Error('The generator needs at least one region and one theme.');
    this.topicWeights = cumulative(this.themes.map((_, rank) => 1 / (rank + 2)));
    this.idPrefix = `c${options.now.getTime().toString(36).padStart(8, '0')}`;
  }

  private nextId(): string {
    return `${this.idPrefix}${(this.idSequence++).toString(36).padStart(6, '0')}${this.random.base36(10)}`;
  }

  /** Authors generated so far become the pool bylines are drawn from, the first ones the most prolific. */
  useAuthors(authorIds: string[]): void {
    this.authorIds = authorIds;
    this.authorWeights = cumulative(authorIds.map((_, rank) => 1 / (rank + BYLINE_RANK_OFFSET)));
  }

  author(): BulkAuthor {
    const r = this.random;
    const index = this.authorCount++;
    const name = authorName(index);
    const [first, ...rest] = name.split(' ');
    const place = r.pick(PLACES);
    const competences = unique(Array.from({ length: r.int(1, 3) }, () => r.pick(r.chance(0.5) ? this.regions : this.themes).id));
    const speaksRussian = r.chance(0.35);
    return {
      id: this.nextId(),
      slug: uniqueSlug(slugify(name), this.takenAuthorSlugs),
      name,
      sortName: `${rest.at(-1)}, ${[first, ...rest.slice(0, -1)].join(' ')}`,
      position: r.pick(POSITIONS),
      location: `${place}, ${COUNTRY_OF_PLACE[place]}`,
      fieldOfExpertise: `${capitalize(r.pick(OBJECTS))} and ${r.pick(OBJECTS)}`,
      workExperience: `Previously worked on ${r.pick(OBJECTS)} at ${r.pick(['a development bank', 'the foreign ministry', 'a consultancy', 'a regional newspaper', 'the World Bank', 'a university'])} in ${r.pick(PLACES)}.`,
      biography: `${name} writes about ${r.pick(OBJECTS)} and ${r.pick(OBJECTS)}. ${this.text.sentences('en', 1, 3)}`,
      languages: speaksRussian ? ['en', 'ru'] : ['en'],
      retired: r.chance(0.04),
      competenceTopicIds: competences,
      createdAt: new Date(this.options.now.getTime() - r.next() * ARCHIVE_YEARS * YEAR_MS),
    };
  }

  article(): BulkArticle {
    if (this.authorIds.length === 0) throw new Error('Call useAuthors() before generating articles.');
    const r = this.random;
    const now = this.options.now.getTime();
    this.text.focusArticle();
    const language = r.chance(0.05) ? 'ru' : 'en';
    const status = this.status();
    const translationOf = language === 'ru' && this.englishPublished.length > 0 && r.chance(0.3) ? r.pick(this.englishPublished) : null;
    const publishedAt = this.publishedAt(status, translationOf);
    const title = this.text.title(language);
    const body = this.text.body(language);
    const republished = status !== 'DRAFT' && status !== 'IN_REVIEW' && publishedAt !== null && r.chance(0.04);
    const outlet = republished ? r.pick(OUTLETS) : null;
    const contentUpdatedAt = publishedAt && publishedAt.getTime() < now - 30 * DAY_MS && r.chance(0.1)
      ? new Date(publishedAt.getTime() + r.next() * (now - publishedAt.getTime()))
      : null;
    const createdAt = new Date((publishedAt?.getTime() ?? now) - r.int(1, 20) * DAY_MS);
    const id = this.nextId();
    const wasPublished = status === 'PUBLISHED' || status === 'ARCHIVED';
    if (language === 'en' && status === 'PUBLISHED' && publishedAt) this.englishPublished.push({ id, publishedAt });
    return {
      id,
      slug: uniqueSlug(slugify(title) || 'untitled', this.takenArticleSlugs),
      status,
      title,
      lead: this.text.sentences(language, 1, 3),
      body,
      bodyText: documentToPlainText(body),
      language,
      featured: status === 'PUBLISHED' && r.chance(0.005),
      publishedAt,
      firstPublishedAt: wasPublished ? publishedAt : null,
      contentUpdatedAt,
      originalOutlet: outlet,
      originalUrl: outlet && publishedAt ? `https://example.com/${slugify(outlet)}/${publishedAt.getUTCFullYear()}/${r.int(10000, 99999)}` : null,
      originalPublishedAt: outlet && publishedAt ? new Date(publishedAt.getTime() - r.int(1, 14) * DAY_MS) : null,
      canonicalPolicy: outlet && r.chance(0.5) ? 'ORIGINAL' : 'SELF',
      translationOfId: translationOf?.id ?? null,
      authorIds: this.byline(),
      topicIds: this.topics(),
      createdAt,
      updatedAt: contentUpdatedAt ?? publishedAt ?? createdAt,
    };
  }

  // About 3% of articles are not public: drafts, pieces in review, scheduled ones and the archived.
  private status(): BulkArticleStatus {
    const roll = this.random.next();
    if (roll < 0.012) return 'DRAFT';
    if (roll < 0.018) return 'IN_REVIEW';
    if (roll < 0.023) return 'SCHEDULED';
    if (roll < 0.03) return 'ARCHIVED';
    return 'PUBLISHED';
  }

  /** Twenty years back from now, denser in recent years as the publication grew; scheduled ones within a month. */
  private publishedAt(status: BulkArticleStatus, translationOf: Translatable | null): Date | null {
    const r = this.random;
    const now = this.options.now.getTime();
    if (status === 'DRAFT' || status === 'IN_REVIEW') return null;
    if (status === 'SCHEDULED') return new Date(now + r.int(60, 30 * 24 * 60) * 60_000);
    if (translationOf) return new Date(Math.min(now - 60_000, translationOf.publishedAt.getTime() + r.int(1, 14) * DAY_MS));
    const age = (1 - Math.sqrt(r.next())) * ARCHIVE_YEARS * YEAR_MS;
    return new Date(Math.floor((now - 60_000 - age) / 1000) * 1000);
  }

  private byline(): string[] {
    const count = pickCount(this.random.next(), [0.7, 0.92]) + 1;
    const ids = new Set<string>();
    for (let attempt = 0; ids.size < Math.min(count, this.authorIds.length) && attempt < 20; attempt++) {
      ids.add(this.authorIds[this.random.weightedIndex(this.authorWeights)]!);
    }
    return [...ids];
  }

  /** One region, then up to three themes (1–4 topics in all), popular themes more often. */
  private topics(): string[] {
    const themeCount = pickCount(this.random.next(), [0.25, 0.7, 0.92]);
    const ids = [this.random.pick(this.regions).id];
    for (let attempt = 0; ids.length < themeCount + 1 && attempt < 20; attempt++) {
      const id = this.themes[this.random.weightedIndex(this.topicWeights)]!.id;
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }
}

/** How many of something, given the cumulative probabilities of 0, 1, 2… (the rest is the last count). */
function pickCount(roll: number, cumulativeProbabilities: number[]): number {
  const index = cumulativeProbabilities.findIndex((probability) => roll < probability);
  return index === -1 ? cumulativeProbabilities.length : index;
}

function cumulative(weights: number[]): number[] {
  let total = 0;
  return weights.map((weight) => (total += weight));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

// Names walk every first/last pair in a scattered order (a prime stride, coprime to the pair count), then again
// with a middle initial.
const NAME_PAIRS = FIRST_NAMES.length * LAST_NAMES.length;
const NAME_STRIDE = 7919;

function authorName(index: number): string {
  const pair = (index * NAME_STRIDE + 17) % NAME_PAIRS;
  const first = FIRST_NAMES[pair % FIRST_NAMES.length]!;
  const last = LAST_NAMES[Math.floor(pair / FIRST_NAMES.length)]!;
  const round = Math.floor(index / NAME_PAIRS);
  return round === 0 ? `${first} ${last}` : `${first} ${String.fromCharCode(64 + ((round - 1) % 26) + 1)}. ${last}`;
}

/** The slug, or the slug with the next free "-2", "-3"… suffix; records it as taken. */
function uniqueSlug(base: string, taken: TakenSlugs): string {
  let slug = base;
  let suffix = taken.nextSuffix.get(base) ?? 2;
  while (taken.slugs.has(slug)) slug = `${base}-${suffix++}`;
  taken.slugs.add(slug);
  taken.nextSuffix.set(base, suffix);
  return slug;
}
