import type { TOrganisationType, TSizeBand } from '@waymark/rubric';

/**
 * The demo network: Kirkby Vale, a fictional city whose anchor network uses the real Kirklees and
 * Calderdale districts as its "local" area. Names, people and domains are invented; every domain
 * ends in `.example` (RFC 2606), so no email can reach anyone.
 */

export const DEMO_NETWORK = {
  name: 'Kirkby Vale Anchor Network',
  place: 'Kirkby Vale',
  description:
    "Kirkby Vale's anchor institutions and employers working together so that more of the city's jobs, spending and buildings benefit the people who live here.",
  /** ONS codes from apps/api/data/uk-local-authority-districts.csv: Kirklees and Calderdale. */
  localAuthorityCodes: ['E08000034', 'E08000033'],
  minGroupSize: 5,
  reminderDaysBefore: 7,
  optionalPillars: ['service-delivery'],
  cycleName: '2026',
  /** The cycle opened this many days before the demo is loaded, and closes this many after. */
  opensDaysAgo: 24,
  closesInDays: 21,
} as const;

/** The three sign-ins printed at start-up and listed in the README. */
export const DEMO_SIGN_INS = {
  coordinator: {
    email: 'coordinator@kirkby-vale.example',
    password: 'vale-network-lead-2026',
    name: 'Ruth Okafor',
  },
  admin: {
    email: 'admin@kirkby-vale.example',
    password: 'vale-print-owner-2026',
    name: 'Sam Whitaker',
  },
  contributor: {
    email: 'contributor@kirkby-vale.example',
    password: 'vale-print-buyer-2026',
    name: 'Aisha Begum',
  },
} as const;

export type DemoRole = keyof typeof DEMO_SIGN_INS;

export type DemoProgress = 'submitted' | 'in_progress' | 'not_started';

/** Pillar order of the default framework, for the maturity tuples below. */
export const MATURITY_PILLARS = [
  'employment',
  'procurement',
  'estates-and-assets',
  'net-zero',
  'corporate-and-community',
  'service-delivery',
] as const;

export interface DemoOrganisation {
  key: string;
  name: string;
  type: TOrganisationType;
  sector: string;
  sizeBand: TSizeBand;
  employees: number;
  localAuthority: string;
  domain: string;
  /** The organisation's admin (the demo admin for the demo organisation). */
  contact: string;
  sharing: 'named' | 'anonymous';
  progress: DemoProgress;
  /**
   * Where it stands, as a mean level (1–4) per pillar in MATURITY_PILLARS order; answers scatter
   * around it. Service delivery only counts for public bodies.
   */
  maturity: readonly [number, number, number, number, number, number?];
  notApplicable?: Readonly<Record<string, string>>;
  /** Whether it has started an action plan. */
  actions?: boolean;
}

/** The organisation the demo admin runs and the demo contributor works in. */
export const DEMO_ORGANISATION_KEY = 'calder-print';

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    key: 'council',
    name: 'Kirkby Vale City Council',
    type: 'public_sector',
    sector: 'Local government',
    sizeBand: 'large',
    employees: 6800,
    localAuthority: 'Kirklees',
    domain: 'kirkbyvale.gov.example',
    contact: 'Helen Marsh',
    sharing: 'named',
    progress: 'submitted',
    maturity: [3.4, 3.2, 3.5, 2.9, 3.3, 3.1],
    actions: true,
  },
  {
    key: 'hospitals',
    name: 'Kirkby Vale Teaching Hospitals NHS Foundation Trust',
    type: 'public_sector',
    sector: 'Health',
    sizeBand: 'large',
    employees: 9400,
    localAuthority: 'Kirklees',
    domain: 'kvth.nhs.example',
    contact: 'Dr Imran Siddiqui',
    sharing: 'named',
    progress: 'submitted',
    maturity: [3.1, 2.6, 2.8, 3.0, 2.7, 3.2],
    actions: true,
  },
  {
    key: 'university',
    name: 'University of Kirkby Vale',
    type: 'public_sector',
    sector: 'Higher education',
    sizeBand: 'large',
    employees: 4200,
    localAuthority: 'Kirklees',
    domain: 'kirkbyvale.ac.example',
    contact: 'Professor Claire Dunmore',
    sharing: 'named',
    progress: 'submitted',
    maturity: [2.9, 2.5, 3.6, 3.4, 3.1, 2.6],
    actions: true,
  },
  {
    key: 'college',
    name: 'Kirkby Vale College',
    type: 'public_sector',
    sector: 'Further education',
    sizeBand: 'large',
    employees: 860,
    localAuthority: 'Kirklees',
    domain: 'kvcollege.ac.example',
    contact: 'Gareth Lloyd',
    sharing: 'named',
    progress: 'submitted',
    maturity: [3.0, 2.2, 2.9, 2.1, 3.0, 2.8],
  },
  {
    key: 'fire',
    name: 'Vale Fire and Rescue Service',
    type: 'public_sector',
    sector: 'Emergency services',
    sizeBand: 'large',
    employees: 540,
    localAuthority: 'Calderdale',
    domain: 'valefire.gov.example',
    contact: 'Mark Ellison',
    sharing: 'named',
    progress: 'submitted',
    maturity: [2.6, 2.0, 2.4, 2.3, 2.8, 2.5],
  },
  {
    key: 'housing',
    name: 'Valeside Homes',
    type: 'voluntary_community',
    sector: 'Housing association',
    sizeBand: 'large',
    employees: 720,
    localAuthority: 'Kirklees',
    domain: 'valesidehomes.example',
    contact: 'Nadia Hussain',
    sharing: 'named',
    progress: 'submitted',
    maturity: [3.3, 3.0, 3.4, 2.6, 3.6],
    actions: true,
  },
  {
    key: 'building-society',
    name: 'Northgate Building Society',
    type: 'business',
    sector: 'Financial services',
    sizeBand: 'large',
    employees: 1150,
    localAuthority: 'Calderdale',
    domain: 'northgatebs.example',
    contact: 'Tom Barraclough',
    sharing: 'named',
    progress: 'submitted',
    maturity: [3.5, 2.4, 2.2, 2.7, 3.2],
  },
  {
    key: 'harrowell',
    name: 'Harrowell Engineering',
    type: 'business',
    sector: 'Manufacturing',
    sizeBand: 'large',
    employees: 480,
    localAuthority: 'Kirklees',
    domain: 'harrowell.example',
    contact: 'Steve Harrowell',
    sharing: 'anonymous',
    progress: 'submitted',
    maturity: [2.3, 1.8, 1.7, 2.2, 1.9],
  },
  {
    key: 'moorcroft',
    name: 'Moorcroft Foods',
    type: 'business',
    sector: 'Food manufacturing',
    sizeBand: 'large',
    employees: 640,
    localAuthority: 'Kirklees',
    domain: 'moorcroftfoods.example',
    contact: 'Joanne Pickles',
    sharing: 'named',
    progress: 'submitted',
    maturity: [2.0, 2.8, 1.9, 3.1, 2.4],
    actions: true,
  },
  {
    key: 'pennine-buses',
    name: 'Pennine Link Buses',
    type: 'business',
    sector: 'Transport',
    sizeBand: 'medium',
    employees: 210,
    localAuthority: 'Calderdale',
    domain: 'penninelink.example',
    contact: 'Kevin Armitage',
    sharing: 'named',
    progress: 'in_progress',
    maturity: [2.4, 1.9, 1.8, 2.9, 2.1],
  },
  {
    key: DEMO_ORGANISATION_KEY,
    name: 'Calder Print & Pack',
    type: 'business',
    sector: 'Printing and packaging',
    sizeBand: 'medium',
    employees: 95,
    localAuthority: 'Calderdale',
    domain: 'calderprint.example',
    contact: DEMO_SIGN_INS.admin.name,
    sharing: 'named',
    progress: 'submitted',
    maturity: [2.5, 2.2, 1.6, 2.0, 2.6],
    notApplicable: {
      'land-for-local-use':
        'We lease our only site, a single print works, and own no land we could release.',
    },
    actions: true,
  },
  {
    key: 'greenway',
    name: 'Greenway Facilities Management',
    type: 'business',
    sector: 'Facilities services',
    sizeBand: 'medium',
    employees: 180,
    localAuthority: 'Kirklees',
    domain: 'greenwayfm.example',
    contact: 'Lisa Crowther',
    sharing: 'anonymous',
    progress: 'submitted',
    maturity: [1.7, 1.9, 1.5, 1.8, 1.6],
    notApplicable: {
      'capital-projects-local-benefit':
        'We run clients’ buildings; we have had no capital projects of our own and plan none.',
    },
  },
  {
    key: 'valley-construction',
    name: 'Valley Construction Group',
    type: 'business',
    sector: 'Construction',
    sizeBand: 'medium',
    employees: 230,
    localAuthority: 'Kirklees',
    domain: 'valleyconstruction.example',
    contact: 'Darren Holroyd',
    sharing: 'named',
    progress: 'in_progress',
    maturity: [2.2, 2.5, 2.7, 1.9, 2.3],
  },
  {
    key: 'fernlea',
    name: 'Fernlea Architects',
    type: 'business',
    sector: 'Architecture',
    sizeBand: 'small',
    employees: 28,
    localAuthority: 'Kirklees',
    domain: 'fernlea.example',
    contact: 'Olivia Brennan',
    sharing: 'named',
    progress: 'submitted',
    maturity: [3.0, 2.1, 2.3, 3.3, 2.9],
  },
  {
    key: 'brookside',
    name: 'Brookside Digital',
    type: 'business',
    sector: 'Software',
    sizeBand: 'small',
    employees: 19,
    localAuthority: 'Calderdale',
    domain: 'brooksidedigital.example',
    contact: 'Ben Ashworth',
    sharing: 'named',
    progress: 'submitted',
    maturity: [3.2, 1.5, 1.4, 2.2, 2.0],
    notApplicable: {
      'community-use-of-buildings':
        'We rent desks in a shared co-working space and have no rooms of our own to offer.',
    },
  },
  {
    key: 'hollins-shaw',
    name: 'Hollins & Shaw Solicitors',
    type: 'business',
    sector: 'Legal services',
    sizeBand: 'small',
    employees: 42,
    localAuthority: 'Kirklees',
    domain: 'hollinsshaw.example',
    contact: 'Richard Shaw',
    sharing: 'anonymous',
    progress: 'submitted',
    maturity: [2.4, 1.6, 1.8, 1.4, 2.5],
  },
  {
    key: 'kestrel',
    name: 'Kestrel Cleaning Co-operative',
    type: 'business',
    sector: 'Cleaning',
    sizeBand: 'small',
    employees: 36,
    localAuthority: 'Kirklees',
    domain: 'kestrelcoop.example',
    contact: 'Maria Santos',
    sharing: 'named',
    progress: 'submitted',
    maturity: [3.7, 1.8, 1.3, 1.6, 3.0],
  },
  {
    key: 'ironbridge',
    name: 'Ironbridge Coffee Roasters',
    type: 'business',
    sector: 'Food and drink',
    sizeBand: 'micro',
    employees: 8,
    localAuthority: 'Calderdale',
    domain: 'ironbridgecoffee.example',
    contact: 'Jamie Fletcher',
    sharing: 'anonymous',
    progress: 'submitted',
    maturity: [2.6, 2.9, 1.6, 2.0, 2.7],
  },
  {
    key: 'tenter-yard',
    name: 'Tenter Yard Brewery',
    type: 'business',
    sector: 'Brewing',
    sizeBand: 'micro',
    employees: 9,
    localAuthority: 'Kirklees',
    domain: 'tenteryard.example',
    contact: 'Chris Hirst',
    sharing: 'named',
    progress: 'not_started',
    maturity: [2, 2, 2, 2, 2],
  },
  {
    key: 'citizens-advice',
    name: 'Kirkby Vale Citizens Advice',
    type: 'voluntary_community',
    sector: 'Advice services',
    sizeBand: 'small',
    employees: 45,
    localAuthority: 'Kirklees',
    domain: 'cakirkbyvale.example',
    contact: 'Sarah Lumb',
    sharing: 'named',
    progress: 'submitted',
    maturity: [3.1, 1.7, 2.2, 1.7, 3.5],
  },
  {
    key: 'community-foundation',
    name: 'Vale Community Foundation',
    type: 'voluntary_community',
    sector: 'Grant-making',
    sizeBand: 'micro',
    employees: 6,
    localAuthority: 'Calderdale',
    domain: 'valecf.example',
    contact: 'Peter Ogden',
    sharing: 'anonymous',
    progress: 'submitted',
    maturity: [2.9, 2.0, 1.5, 1.5, 3.8],
    notApplicable: {
      'community-use-of-buildings':
        'Our two staff share an office in the council’s enterprise centre; there is nothing to lend.',
    },
  },
  {
    key: 'millside',
    name: 'Millside Community Trust',
    type: 'voluntary_community',
    sector: 'Community centre',
    sizeBand: 'small',
    employees: 24,
    localAuthority: 'Kirklees',
    domain: 'millsidetrust.example',
    contact: 'Denise Walker',
    sharing: 'named',
    progress: 'submitted',
    maturity: [2.7, 2.3, 3.7, 1.9, 3.6],
    actions: true,
  },
  {
    key: 'credit-union',
    name: 'Kirkby Vale Credit Union',
    type: 'voluntary_community',
    sector: 'Financial services',
    sizeBand: 'small',
    employees: 14,
    localAuthority: 'Kirklees',
    domain: 'kvcu.example',
    contact: 'Anthony Wood',
    sharing: 'anonymous',
    progress: 'in_progress',
    maturity: [2.8, 1.9, 1.6, 1.5, 3.0],
  },
  {
    key: 'youth-sports',
    name: 'Northfield Youth Sports Trust',
    type: 'voluntary_community',
    sector: 'Sport and youth work',
    sizeBand: 'small',
    employees: 30,
    localAuthority: 'Calderdale',
    domain: 'northfieldyst.example',
    contact: 'Leanne Firth',
    sharing: 'named',
    progress: 'not_started',
    maturity: [2, 2, 2, 2, 2],
  },
];

/** Invitations still waiting for an answer, so that participation shows some pending. */
export const DEMO_PENDING_INVITATIONS = [
  { organisationName: 'Canal Basin Bakery', email: 'hello@canalbasinbakery.example' },
  { organisationName: 'Kirkby Vale Rugby League Club', email: 'office@kvrlc.example' },
] as const;

/**
 * A note per criterion, one for where an organisation is starting (levels 1–2) and one for where it
 * does well (3–4). Plain, specific, the kind of thing a member writes beside a level.
 */
export const DEMO_NOTES: Readonly<Record<string, readonly [string, string]>> = {
  'real-living-wage-staff': [
    'Most staff are above the real Living Wage; apprentices and weekend staff are not yet.',
    'Accredited with the Living Wage Foundation; rates rise each April with the new figure.',
  ],
  'real-living-wage-contractors': [
    'We have not yet asked our cleaning and security contractors what they pay.',
    'Cleaning, catering and security contracts all require the real Living Wage.',
  ],
  'secure-contracts': [
    'A handful of zero-hours contracts remain in the warehouse team; reviewing them this year.',
    'No zero-hours contracts; everyone is offered guaranteed hours after twelve weeks.',
  ],
  'flexible-work': [
    'Office roles can flex; shift roles cannot yet, and we have not tried.',
    'Flexible working is offered from day one, including annualised hours on the shop floor.',
  ],
  'inclusive-local-recruitment': [
    'We advertise on our website and one jobs board; no work with local employment support yet.',
    'We recruit through the Jobcentre, the council’s employment hub and two local charities.',
  ],
  'apprenticeships-and-skills': [
    'Two apprentices this year; we do not use our full levy.',
    'Apprentices in six trades; we transfer unused levy to local small firms.',
  ],
  progression: [
    'No structured progression routes; promotions happen case by case.',
    'Every role has a published pathway; half of last year’s managers were promoted from within.',
  ],
  'health-and-wellbeing': [
    'Employee assistance line only; sickness absence is not tracked by cause.',
    'Mental health first aiders on every site and absence data reviewed by the board quarterly.',
  ],
  'spend-analysis': [
    'Finance can list suppliers by spend but not yet by postcode.',
    'Top 300 suppliers analysed by postcode, size and sector each year, with CLES’s method.',
  ],
  'local-spend-targets': [
    'No local spend target yet; we want a baseline first.',
    'Target of 40% of addressable spend within the district by 2028, reported twice a year.',
  ],
  'accessible-tendering': [
    'Tenders are long and often bundled into large lots.',
    'Small lots, plain-English documents and two meet-the-buyer events a year.',
  ],
  'social-value-in-contracts': [
    'Social value is weighted in large tenders but not followed up once contracts start.',
    'Social value commitments are tracked quarterly in every contract over £100k.',
  ],
  'supplier-fair-work': [
    'Our supplier code mentions fair pay but we do not check it.',
    'Key suppliers sign up to the city’s fair work charter and we audit a sample each year.',
  ],
  'joint-procurement': [
    'We have talked with other anchors about buying together but nothing is in place.',
    'A shared food framework with the hospital trust and the university since 2024.',
  ],
  'community-use-of-buildings': [
    'Meeting rooms are available on request, but nobody outside knows.',
    'Rooms and the hall are bookable online, free for community groups, about 40 hours a week.',
  ],
  'land-for-local-use': [
    'We have not yet reviewed our land holdings for community or housing use.',
    'Two surplus plots released for affordable homes and a community garden.',
  ],
  'asset-transfer-and-meanwhile-use': [
    'One empty unit; we have not offered it for meanwhile use.',
    'Three empty shops let to local start-ups on peppercorn rents while plans are made.',
  ],
  'accessible-welcoming-sites': [
    'Main reception is accessible; the older buildings are not.',
    'Access audits on every site with a local disability forum; changing places toilet installed.',
  ],
  'capital-projects-local-benefit': [
    'The new building contract did not ask for local labour or apprentices.',
    'Every capital project sets local labour, apprenticeship and spend targets, reported monthly.',
  ],
  'scope-1-2-emissions': [
    'Energy bills collected, but not yet turned into a carbon footprint.',
    'Scope 1 and 2 measured from a 2019 base year and verified externally.',
  ],
  'scope-3-emissions': [
    'Scope 3 not measured yet; suppliers are our biggest unknown.',
    'Scope 3 estimated for purchased goods, commuting and waste, using spend-based factors.',
  ],
  'emissions-targets': [
    'A net zero ambition on the website but no dated targets.',
    'Targets: halve scope 1 and 2 by 2030, net zero by 2040, approved by the board.',
  ],
  'net-zero-plan': [
    'Ideas listed by the green team; no plan the board has approved.',
    'Published carbon reduction plan, board-approved, with costs and owners for each step.',
  ],
  'net-zero-delivery': [
    'LED lighting replaced in one building so far.',
    'Heat pumps in two buildings, a half-electric fleet and a cycle-to-work scheme.',
  ],
  'supplier-emissions': [
    'We do not ask suppliers about their emissions.',
    'Top suppliers report emissions yearly; carbon is scored in tenders over £50k.',
  ],
  'board-commitment': [
    'The chief executive supports the network; the board has not discussed it.',
    'A board member leads on local impact and the board reviews progress every quarter.',
  ],
  'volunteering-and-giving': [
    'Staff may volunteer on their own time; no scheme.',
    'Two volunteering days a year per person, aimed at needs the voluntary sector names.',
  ],
  'voluntary-sector-partnerships': [
    'Occasional donations to local charities.',
    'Long-term partnerships with four local charities, with funding agreed for three years.',
  ],
  'community-voice': [
    'No residents involved in our decisions yet.',
    'A residents’ panel meets quarterly and has a say in how our community fund is spent.',
  ],
  'local-impact-reporting': [
    'We mention community work in our annual report.',
    'A yearly local impact report with figures on jobs, spend and carbon, published online.',
  ],
  'social-value-in-commissioning': [
    'Social value appears in some commissioning decisions, not all.',
    'Every commissioning plan sets social value outcomes, checked at contract review.',
  ],
  'services-designed-with-residents': [
    'Services are designed by managers; residents are consulted at the end.',
    'Residents co-design new services from the start, and are paid for their time.',
  ],
  'reaching-those-most-in-need': [
    'We do not yet look at who is missing from our services.',
    'Uptake is tracked by neighbourhood and outreach goes where uptake is lowest.',
  ],
  'prevention-and-place-partnership': [
    'Partnership work is mostly reactive.',
    'Joint prevention programmes with the council and voluntary sector in three neighbourhoods.',
  ],
  'data-sharing-across-partners': [
    'Data is shared case by case under separate agreements.',
    'A shared data agreement across the place’s partners; dashboards open to voluntary groups.',
  ],
};

/** Where each pillar's evidence lives on an organisation's (fictional) website. */
export const DEMO_EVIDENCE_PATHS: Readonly<Record<string, string>> = {
  employment: '/careers/pay-and-conditions',
  procurement: '/suppliers/social-value',
  'estates-and-assets': '/community/spaces-to-hire',
  'net-zero': '/sustainability/carbon-reduction-plan',
  'corporate-and-community': '/about/local-impact-report',
  'service-delivery': '/about/working-with-residents',
};
