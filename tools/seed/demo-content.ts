/**
 * The demo community: regional offices, CSOs, thematic spaces and people of every role.
 * Plain data, keyed by natural keys (region code, organisation name, e-mail, space slug) so that
 * `seedDemoData` can upsert it any number of times. The logins are listed in docs/DEMO.md.
 */
import type { Language, LocalizedText, SpaceRole, ThematicAxis } from '@pratique/contracts';

export const DEMO_PASSWORD = 'pratique-demo-2026';

export interface DemoRegion {
  code: string;
  name: string;
}
export interface DemoOrganisation {
  name: string;
  region: string;
  registrationNumber: string;
  thematicFields: ThematicAxis[];
  verified: boolean;
}
export interface DemoSpace {
  slug: string;
  axis: ThematicAxis;
  /** Region code for a regional space; null for a national one. */
  region: string | null;
  visibility: 'public' | 'members';
  title: Required<LocalizedText>;
  description: Required<LocalizedText>;
}
export interface DemoUser {
  email: string;
  displayName: string;
  language: Language;
  region: string;
  organisations: string[];
  admin?: boolean;
  /** Region codes where the user is staff of the regional office. */
  staffOf?: string[];
  spaces: Array<{ slug: string; role: `${SpaceRole}` }>;
}

export const DEMO_REGIONS: DemoRegion[] = [
  { code: 'tunis', name: 'Tunis' },
  { code: 'sfax', name: 'Sfax' },
  { code: 'sousse', name: 'Sousse' },
  { code: 'kairouan', name: 'Kairouan' },
  { code: 'gafsa', name: 'Gafsa' },
  { code: 'medenine', name: 'Médenine' },
  { code: 'jendouba', name: 'Jendouba' },
];

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    name: 'Association Tunisienne pour la Gouvernance Locale',
    region: 'tunis',
    registrationNumber: 'RNA-2011-0142',
    thematicFields: ['governance', 'local_development'],
    verified: true,
  },
  {
    name: 'Observatoire Citoyen des Droits Humains',
    region: 'tunis',
    registrationNumber: 'RNA-2012-0587',
    thematicFields: ['human_rights', 'governance'],
    verified: true,
  },
  {
    name: 'Jeunesse Citoyenne de Sfax',
    region: 'sfax',
    registrationNumber: 'RNA-2013-1130',
    thematicFields: ['youth_participation'],
    verified: true,
  },
  {
    name: 'Collectif Sfax Solidaire',
    region: 'sfax',
    registrationNumber: 'RNA-2016-2214',
    thematicFields: ['local_development', 'project_management'],
    verified: false,
  },
  {
    name: 'Centre d’Appui aux Associations du Sahel',
    region: 'sousse',
    registrationNumber: 'RNA-2012-0761',
    thematicFields: ['project_management', 'governance'],
    verified: true,
  },
  {
    name: 'Femmes et Leadership Sousse',
    region: 'sousse',
    registrationNumber: 'RNA-2014-1408',
    thematicFields: ['gender_equality'],
    verified: false,
  },
  {
    name: 'Association Kairouan pour le Développement Local',
    region: 'kairouan',
    registrationNumber: 'RNA-2011-0399',
    thematicFields: ['local_development', 'project_management'],
    verified: true,
  },
  {
    name: 'Association Tunisienne des Femmes Rurales',
    region: 'kairouan',
    registrationNumber: 'RNA-2015-1822',
    thematicFields: ['gender_equality', 'local_development'],
    verified: false,
  },
  {
    name: 'Réseau Oasis Environnement Gafsa',
    region: 'gafsa',
    registrationNumber: 'RNA-2013-0954',
    thematicFields: ['environment'],
    verified: true,
  },
  {
    name: 'Initiative Transparence Gafsa',
    region: 'gafsa',
    registrationNumber: 'RNA-2017-2563',
    thematicFields: ['governance', 'human_rights'],
    verified: false,
  },
  {
    name: 'Association Djerba Écologie et Patrimoine',
    region: 'medenine',
    registrationNumber: 'RNA-2012-0815',
    thematicFields: ['environment', 'local_development'],
    verified: true,
  },
  {
    name: 'Maison des Jeunes Actifs de Médenine',
    region: 'medenine',
    registrationNumber: 'RNA-2018-2901',
    thematicFields: ['youth_participation'],
    verified: false,
  },
  {
    name: 'Association Jendouba Terre Verte',
    region: 'jendouba',
    registrationNumber: 'RNA-2016-2087',
    thematicFields: ['environment', 'youth_participation'],
    verified: false,
  },
];

export const DEMO_SPACES: DemoSpace[] = [
  {
    slug: 'gouvernance-locale',
    axis: 'governance',
    region: null,
    visibility: 'public',
    title: {
      fr: 'Gouvernance locale et redevabilité',
      ar: 'الحوكمة المحلية والمساءلة',
      en: 'Local governance and accountability',
    },
    description: {
      fr: 'Budget participatif, suivi des conseils municipaux, accès à l’information : les outils des OSC pour dialoguer avec les collectivités locales.',
      ar: 'الميزانية التشاركية، متابعة المجالس البلدية، النفاذ إلى المعلومة: أدوات الجمعيات للحوار مع الجماعات المحلية.',
      en: 'Participatory budgeting, monitoring municipal councils, access to information: tools for CSOs to engage with local authorities.',
    },
  },
  {
    slug: 'egalite-femmes-hommes',
    axis: 'gender_equality',
    region: null,
    visibility: 'public',
    title: { fr: 'Égalité femmes-hommes', ar: 'المساواة بين النساء والرجال', en: 'Gender equality' },
    description: {
      fr: 'Intégrer l’approche genre dans les projets associatifs, du diagnostic à l’évaluation, et partager les pratiques qui marchent.',
      ar: 'إدماج مقاربة النوع الاجتماعي في المشاريع الجمعياتية، من التشخيص إلى التقييم، وتبادل الممارسات الناجحة.',
      en: 'Bringing a gender approach into CSO projects, from diagnosis to evaluation, and sharing practices that work.',
    },
  },
  {
    slug: 'environnement-oasis-gafsa',
    axis: 'environment',
    region: 'gafsa',
    visibility: 'public',
    title: {
      fr: 'Environnement et oasis du Sud-Ouest',
      ar: 'البيئة وواحات الجنوب الغربي',
      en: 'Environment and oases of the South-West',
    },
    description: {
      fr: 'Gestion de l’eau, préservation des oasis et plaidoyer environnemental dans la région de Gafsa.',
      ar: 'التصرف في المياه، المحافظة على الواحات والمناصرة البيئية في جهة قفصة.',
      en: 'Water management, oasis preservation and environmental advocacy in the Gafsa region.',
    },
  },
  {
    slug: 'participation-jeunes-sfax',
    axis: 'youth_participation',
    region: 'sfax',
    visibility: 'public',
    title: {
      fr: 'Participation des jeunes à Sfax',
      ar: 'مشاركة الشباب في صفاقس',
      en: 'Youth participation in Sfax',
    },
    description: {
      fr: 'Mobiliser les jeunes dans la vie associative et locale : conseils de jeunes, volontariat, engagement citoyen.',
      ar: 'تعبئة الشباب في الحياة الجمعياتية والمحلية: مجالس الشباب، العمل التطوعي، المواطنة الفاعلة.',
      en: 'Engaging young people in associations and local life: youth councils, volunteering, civic engagement.',
    },
  },
  {
    slug: 'gestion-de-projet',
    axis: 'project_management',
    region: null,
    visibility: 'public',
    title: {
      fr: 'Gestion de projet associatif',
      ar: 'إدارة المشاريع الجمعياتية',
      en: 'Managing CSO projects',
    },
    description: {
      fr: 'Cadre logique, budget, suivi-évaluation et rapports aux bailleurs : des modules pas à pas et des modèles à réutiliser.',
      ar: 'الإطار المنطقي، الميزانية، المتابعة والتقييم والتقارير للمانحين: وحدات خطوة بخطوة ونماذج قابلة لإعادة الاستعمال.',
      en: 'Logical framework, budgeting, monitoring and evaluation, donor reporting: step-by-step modules and reusable templates.',
    },
  },
  {
    slug: 'droits-humains',
    axis: 'human_rights',
    region: null,
    visibility: 'members',
    title: {
      fr: 'Droits humains : documentation et plaidoyer',
      ar: 'حقوق الإنسان: التوثيق والمناصرة',
      en: 'Human rights: documentation and advocacy',
    },
    description: {
      fr: 'Espace réservé aux membres : documenter les violations, protéger les données des victimes, construire un plaidoyer.',
      ar: 'فضاء مخصص للأعضاء: توثيق الانتهاكات، حماية معطيات الضحايا، بناء حملات المناصرة.',
      en: 'Members only: documenting violations, protecting victims’ data, building advocacy campaigns.',
    },
  },
  {
    slug: 'developpement-local-kairouan',
    axis: 'local_development',
    region: 'kairouan',
    visibility: 'public',
    title: {
      fr: 'Développement local à Kairouan',
      ar: 'التنمية المحلية بالقيروان',
      en: 'Local development in Kairouan',
    },
    description: {
      fr: 'Économie sociale et solidaire, artisanat et initiatives rurales : monter et accompagner des projets de territoire.',
      ar: 'الاقتصاد الاجتماعي والتضامني، الصناعات التقليدية والمبادرات الريفية: إطلاق مشاريع التنمية المحلية ومرافقتها.',
      en: 'Social and solidarity economy, crafts and rural initiatives: launching and supporting local development projects.',
    },
  },
  {
    slug: 'transition-ecologique',
    axis: 'environment',
    region: null,
    visibility: 'public',
    title: {
      fr: 'Transition écologique et climat',
      ar: 'الانتقال البيئي والمناخ',
      en: 'Ecological transition and climate',
    },
    description: {
      fr: 'Déchets, énergie, littoral : partager des projets citoyens de transition écologique à travers le pays.',
      ar: 'النفايات، الطاقة، الشريط الساحلي: تبادل المشاريع المواطنية للانتقال البيئي في كامل البلاد.',
      en: 'Waste, energy, coastline: sharing citizen projects for the ecological transition across the country.',
    },
  },
];

/** The documented logins first (docs/DEMO.md), then the wider community. */
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@pratique.tn',
    displayName: 'Admin Pratique',
    language: 'fr',
    region: 'tunis',
    organisations: [],
    admin: true,
    spaces: [],
  },
  {
    email: 'staff.tunis@pratique.tn',
    displayName: 'Nadia Ben Ammar (Bureau de Tunis)',
    language: 'fr',
    region: 'tunis',
    organisations: [],
    staffOf: ['tunis'],
    spaces: [],
  },
  {
    email: 'staff.sfax@pratique.tn',
    displayName: 'Mourad Kallel (Bureau de Sfax)',
    language: 'fr',
    region: 'sfax',
    organisations: [],
    staffOf: ['sfax'],
    spaces: [],
  },
  {
    email: 'animatrice@pratique.tn',
    displayName: 'Sonia Belhadj',
    language: 'fr',
    region: 'sousse',
    organisations: ['Centre d’Appui aux Associations du Sahel'],
    spaces: [
      { slug: 'gouvernance-locale', role: 'animator' },
      { slug: 'gestion-de-projet', role: 'animator' },
    ],
  },
  {
    email: 'membre@pratique.tn',
    displayName: 'Yasmine Ben Salah',
    language: 'fr',
    region: 'tunis',
    organisations: ['Association Tunisienne pour la Gouvernance Locale'],
    spaces: [
      { slug: 'gouvernance-locale', role: 'member' },
      { slug: 'gestion-de-projet', role: 'member' },
      { slug: 'egalite-femmes-hommes', role: 'member' },
    ],
  },
  {
    email: 'amina@pratique.tn',
    displayName: 'أمينة الجزيري',
    language: 'ar',
    region: 'kairouan',
    organisations: ['Association Tunisienne des Femmes Rurales'],
    spaces: [
      { slug: 'egalite-femmes-hommes', role: 'member' },
      { slug: 'developpement-local-kairouan', role: 'member' },
      { slug: 'droits-humains', role: 'member' },
    ],
  },
  {
    email: 'sami@pratique.tn',
    displayName: 'Sami Trabelsi',
    language: 'en',
    region: 'gafsa',
    organisations: ['Réseau Oasis Environnement Gafsa'],
    spaces: [
      { slug: 'environnement-oasis-gafsa', role: 'member' },
      { slug: 'transition-ecologique', role: 'member' },
      { slug: 'gestion-de-projet', role: 'member' },
    ],
  },
  ...communityMembers(),
];

/** About twenty more members, spread over organisations, regions and spaces. */
function communityMembers(): DemoUser[] {
  // [first name, last name, organisation index, language, spaces (slug or slug:animator)]
  const people: Array<[string, string, number, Language, string[]]> = [
    ['Mohamed', 'Gharbi', 0, 'fr', ['gouvernance-locale', 'transition-ecologique']],
    ['Ines', 'Hammami', 1, 'fr', ['droits-humains:animator', 'gouvernance-locale']],
    ['Karim', 'Bouazizi', 1, 'ar', ['droits-humains']],
    ['Walid', 'Mejri', 2, 'fr', ['participation-jeunes-sfax:animator', 'gestion-de-projet']],
    ['Nour', 'Chaabane', 2, 'ar', ['participation-jeunes-sfax']],
    ['Hichem', 'Ayari', 3, 'fr', ['participation-jeunes-sfax', 'developpement-local-kairouan']],
    ['Rania', 'Ferchichi', 3, 'en', ['gestion-de-projet']],
    ['Anis', 'Khelifi', 4, 'fr', ['gestion-de-projet', 'gouvernance-locale']],
    ['Leila', 'Mansouri', 5, 'fr', ['egalite-femmes-hommes:animator']],
    ['Salma', 'Sassi', 5, 'ar', ['egalite-femmes-hommes', 'participation-jeunes-sfax']],
    ['Oussama', 'Dridi', 6, 'fr', ['developpement-local-kairouan:animator', 'gestion-de-projet']],
    ['Mariem', 'Zouari', 7, 'ar', ['developpement-local-kairouan', 'egalite-femmes-hommes']],
    ['Bilel', 'Jlassi', 8, 'fr', ['environnement-oasis-gafsa:animator', 'transition-ecologique']],
    ['Hela', 'Baccouche', 9, 'fr', ['gouvernance-locale', 'droits-humains']],
    ['Aymen', 'Chebbi', 9, 'ar', ['environnement-oasis-gafsa']],
    ['Olfa', 'Karoui', 10, 'fr', ['transition-ecologique:animator']],
    ['Zied', 'Ben Youssef', 10, 'en', ['transition-ecologique', 'gestion-de-projet']],
    ['Fatma', 'Haddad', 11, 'ar', ['participation-jeunes-sfax', 'egalite-femmes-hommes']],
    ['Skander', 'Ouertani', 11, 'fr', ['gestion-de-projet']],
    ['Asma', 'Rekik', 12, 'fr', ['transition-ecologique', 'environnement-oasis-gafsa']],
    ['Mehdi', 'Jebali', 12, 'fr', ['gouvernance-locale']],
  ];
  return people.map(([first, last, orgIndex, language, spaces]) => {
    const org = DEMO_ORGANISATIONS[orgIndex];
    return {
      email: `${ascii(first)}.${ascii(last)}@demo.pratique.tn`,
      displayName: `${first} ${last}`,
      language,
      region: org.region,
      organisations: [org.name],
      spaces: spaces.map((s) => {
        const [slug, role] = s.split(':');
        return { slug, role: role === 'animator' ? 'animator' : 'member' };
      }),
    };
  });
}

function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
