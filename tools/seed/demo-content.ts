/**
 * The demo community: regional offices, CSOs, thematic spaces and people of every role, then
 * the e-learning modules of the spaces and the members' progress in them.
 * Plain data, keyed by natural keys (region code, organisation name, e-mail, space slug, a
 * module's title in its original language) so that `seedDemoData` can run any number of times.
 * The logins and who is where are listed in docs/DEMO.md.
 */
import type { Language, LocalizedText, QuizContent, SpaceRole, ThematicAxis } from '@pratique/contracts';

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

// ---------------------------------------------------------------------------------------------
// E-learning: modules of the spaces, and where the demo members are in them
// ---------------------------------------------------------------------------------------------

/** A lesson of a demo module; `required` defaults to true. */
export type DemoLesson = { title: LocalizedText; required?: boolean } & (
  | { kind: 'page'; markdown: LocalizedText }
  | { kind: 'video'; embedUrl: string }
  | { kind: 'quiz'; quiz: QuizContent }
  /** The SCORM 1.2 package of libs/api/testing/src/scorm-demo/build-demo-package.ts (“La redevabilité des associations”), owned by the module's author. */
  | { kind: 'scorm' }
);

export interface DemoModule {
  space: string;
  originalLanguage: Language;
  /** The natural key of the module: its title in its original language, within its space. */
  title: Required<LocalizedText>;
  summary: LocalizedText;
  estimatedMinutes: number;
  status: 'draft' | 'published' | 'archived';
  /** How long ago the module was created (and published, unless it is a draft). */
  daysAgo: number;
  /** E-mail of the author: the space's animator. */
  author: string;
  lessons: DemoLesson[];
}

/** A member's progress in a module: the lessons they completed, by position (1-based). */
export interface DemoProgress {
  email: string;
  /** The module's title in its original language. */
  module: string;
  completed: number[];
  /** A lesson opened but not finished. */
  inProgress?: number;
  /** The member failed the module's quiz once before passing it. */
  failedQuizFirst?: boolean;
  /** How long ago the member started the module. */
  startedDaysAgo: number;
}

/** Placeholder YouTube ids (privacy-enhanced embed host): replace them with the programme's own videos. */
const video = (id: string) => `https://www.youtube-nocookie.com/embed/${id}`;

function choice(id: string, correct: boolean, text: string, feedback: string, lang: Language = 'fr') {
  return { id, correct, text: { [lang]: text }, feedback: { [lang]: feedback } };
}

const ANIMATRICE = 'animatrice@pratique.tn';
const LEILA = 'leila.mansouri@demo.pratique.tn';
const WALID = 'walid.mejri@demo.pratique.tn';
const OUSSAMA = 'oussama.dridi@demo.pratique.tn';

export const GOVERNANCE_MODULE = 'Gouvernance associative : les fondamentaux';
export const ACCOUNTABILITY_MODULE = 'Redevabilité : suivre son conseil municipal';
export const PROJECT_CYCLE_MODULE = 'Le cycle de projet associatif';
export const GENDER_BUDGET_AR_MODULE = 'الميزانية المراعية للنوع الاجتماعي في المشاريع الجمعياتية';
export const SSE_AR_MODULE = 'الاقتصاد الاجتماعي والتضامني: بعث مشروع جماعي';

export const DEMO_MODULES: DemoModule[] = [
  // ----- gouvernance-locale -----
  {
    space: 'gouvernance-locale',
    originalLanguage: 'fr',
    title: {
      fr: GOVERNANCE_MODULE,
      ar: 'حوكمة الجمعيات: الأساسيات',
      en: 'Governance of associations: the fundamentals',
    },
    summary: {
      fr: 'Les organes d’une association, leurs rôles, la transparence financière, la redevabilité (module interactif SCORM) et la prévention des conflits d’intérêts : le socle d’une gouvernance associative saine.',
      en: 'The bodies of an association and their roles, financial transparency, accountability (interactive SCORM module) and preventing conflicts of interest: the basis of sound CSO governance.',
    },
    estimatedMinutes: 45,
    status: 'published',
    daysAgo: 120,
    author: ANIMATRICE,
    lessons: [
      {
        kind: 'page',
        title: {
          fr: 'Les organes de l’association et leurs rôles',
          en: 'The bodies of an association and their roles',
        },
        markdown: {
          fr: `## Qui décide quoi ?

Une association tunisienne fonctionne selon ses **statuts**, adoptés lors de sa constitution conformément au décret-loi n° 2011-88. Les statuts fixent les organes, leurs pouvoirs et la manière dont ils sont élus. Les connaître est la première condition d’une gouvernance saine : on ne peut demander des comptes qu’à quelqu’un dont on connaît le rôle.

### L’assemblée générale

L’assemblée générale (AG) réunit tous les membres. C’est l’organe souverain : elle adopte le rapport moral et le rapport financier, approuve le budget, élit les dirigeants et modifie les statuts. Une AG ordinaire se tient au moins une fois par an. Le quorum et les règles de vote doivent être respectés et consignés dans un procès-verbal signé.

### Le comité directeur

Élu par l’AG, il met en œuvre les décisions et gère l’association au quotidien : le président la représente, le secrétaire général tient les registres et les procès-verbaux, le trésorier suit les recettes, les dépenses et la tenue des comptes. Ses réunions sont régulières et ses décisions écrites.

### Les membres et les bénévoles

Les membres adhérents paient leur cotisation, votent à l’AG et peuvent se porter candidats. Les bénévoles contribuent aux activités sans forcément être adhérents ; leur avis compte pourtant, car ils sont souvent au plus près des bénéficiaires.

### Les bons réflexes

- séparer clairement les fonctions de président et de trésorier ;
- limiter le cumul et la durée des mandats ;
- tenir à jour le registre des membres et celui des délibérations ;
- informer les membres des décisions importantes entre deux assemblées générales.
`,
        },
      },
      {
        kind: 'page',
        title: {
          fr: 'Transparence financière et redevabilité',
          en: 'Financial transparency and accountability',
        },
        markdown: {
          fr: `## Rendre des comptes, à qui ?

La redevabilité d’une association s’exerce dans plusieurs directions : envers ses **membres**, qui lui confient un mandat ; envers ses **bailleurs**, qui financent ses projets ; envers les **bénéficiaires** et le public, au nom desquels elle agit ; et envers l’**administration**, qui veille au respect de la loi.

### Les obligations de base

Le décret-loi n° 2011-88 impose notamment de tenir une comptabilité, de conserver les pièces justificatives et de publier les aides, dons et subventions reçus en précisant leur source et leur montant. Les financements étrangers doivent être déclarés. Au-delà d’un certain niveau de ressources, les comptes sont vérifiés par un commissaire aux comptes.

### Au-delà de la loi : la transparence comme pratique

- **Publier** chaque année le rapport d’activités et le rapport financier, dans un langage compréhensible, sur le site ou la page de l’association.
- **Budgéter** par projet, pour pouvoir rapprocher chaque dépense d’une activité.
- **Documenter** les achats importants : trois devis, un procès-verbal de choix du fournisseur.
- **Associer** les bénéficiaires au bilan : une réunion de restitution après chaque projet renforce la confiance.

### Pourquoi c’est stratégique

Une association transparente attire plus facilement de nouveaux membres et de nouveaux partenaires. Elle se protège aussi : en cas de contestation, ses registres et ses procès-verbaux sont ses meilleurs alliés.
`,
        },
      },
      {
        kind: 'scorm',
        title: {
          fr: 'Module interactif : la redevabilité des associations',
          en: 'Interactive module: accountability of associations',
        },
      },
      {
        kind: 'page',
        required: false,
        title: {
          fr: 'Pour aller plus loin : prévenir les conflits d’intérêts',
          en: 'Going further: preventing conflicts of interest',
        },
        markdown: {
          fr: `## Quand un intérêt personnel croise celui de l’association

Un conflit d’intérêts existe lorsqu’un dirigeant, un salarié ou un bénévole peut tirer un avantage personnel d’une décision de l’association : attribuer un marché à l’entreprise d’un proche, recruter un membre de sa famille, louer un local qui lui appartient.

Un conflit d’intérêts n’est pas une faute en soi ; **le cacher** en est une. Quelques règles simples permettent de le gérer :

1. adopter une **politique écrite**, votée par l’assemblée générale ou le comité directeur ;
2. demander à chaque dirigeant une **déclaration d’intérêts** annuelle ;
3. faire sortir la personne concernée de la salle au moment du vote, et le noter au procès-verbal ;
4. pour les achats, comparer plusieurs offres et conserver la trace de la comparaison.

Ces règles rassurent les bailleurs et protègent les dirigeants eux-mêmes contre les soupçons. Elles sont d’autant plus utiles que, dans une petite association, tout le monde se connaît : la règle écrite évite d’avoir à soupçonner quelqu’un personnellement.
`,
        },
      },
      {
        kind: 'quiz',
        title: { fr: 'Quiz : gouvernance associative', en: 'Quiz: governance of associations' },
        quiz: {
          passingScore: 75,
          attemptsAllowed: 3,
          questions: [
            {
              id: 'q1',
              multiple: false,
              text: { fr: 'Quel organe approuve le rapport financier annuel ?' },
              choices: [
                choice(
                  'a',
                  false,
                  'Le président',
                  'Le président présente les rapports, mais ne les approuve pas seul.',
                ),
                choice(
                  'b',
                  true,
                  'L’assemblée générale',
                  'Oui : l’AG est l’organe souverain de l’association.',
                ),
                choice(
                  'c',
                  false,
                  'Le trésorier',
                  'Le trésorier prépare les comptes ; c’est l’AG qui les approuve.',
                ),
              ],
            },
            {
              id: 'q2',
              multiple: true,
              text: { fr: 'Parmi ces pratiques, lesquelles renforcent la transparence financière ?' },
              choices: [
                choice(
                  'a',
                  true,
                  'Publier le rapport financier chaque année',
                  'Oui, dans un langage compréhensible par tous.',
                ),
                choice('b', true, 'Budgéter par projet', 'Oui : chaque dépense se rattache à une activité.'),
                choice(
                  'c',
                  false,
                  'Payer en espèces sans reçu pour aller plus vite',
                  'Non : toute dépense doit être justifiée par une pièce.',
                ),
                choice(
                  'd',
                  true,
                  'Demander trois devis pour les achats importants',
                  'Oui, et garder la trace du choix.',
                ),
              ],
            },
            {
              id: 'q3',
              multiple: false,
              text: {
                fr: 'Un membre du bureau propose de louer son propre local à l’association. Que faire ?',
              },
              choices: [
                choice(
                  'a',
                  false,
                  'Refuser par principe',
                  'Ce n’est pas interdit en soi : l’offre peut être la meilleure.',
                ),
                choice(
                  'b',
                  true,
                  'Déclarer l’intérêt, le faire sortir lors du vote et le noter au procès-verbal',
                  'Exactement : la transparence protège tout le monde.',
                ),
                choice(
                  'c',
                  false,
                  'Accepter sans formalité, c’est quelqu’un de confiance',
                  'La confiance ne dispense pas de la règle écrite.',
                ),
              ],
            },
            {
              id: 'q4',
              multiple: false,
              text: { fr: 'Que doit publier une association au sujet des dons et subventions reçus ?' },
              choices: [
                choice(
                  'a',
                  false,
                  'Rien, ce sont des informations internes',
                  'Le décret-loi 2011-88 impose leur publication.',
                ),
                choice(
                  'b',
                  true,
                  'Leur source et leur montant',
                  'Oui, et les financements étrangers sont aussi déclarés.',
                ),
                choice(
                  'c',
                  false,
                  'Uniquement les financements étrangers',
                  'Tous les dons et subventions sont concernés.',
                ),
              ],
            },
          ],
        },
      },
    ],
  },
  {
    space: 'gouvernance-locale',
    originalLanguage: 'fr',
    title: {
      fr: ACCOUNTABILITY_MODULE,
      ar: 'المساءلة: متابعة المجلس البلدي',
      en: 'Accountability: monitoring your municipal council',
    },
    summary: {
      fr: 'Accès à l’information, budget participatif, observation des séances : comment une association suit l’action de sa commune de façon rigoureuse et constructive.',
      en: 'Access to information, participatory budgeting, observing council sessions: how a CSO monitors its municipality rigorously and constructively.',
    },
    estimatedMinutes: 40,
    status: 'published',
    daysAgo: 75,
    author: ANIMATRICE,
    lessons: [
      {
        kind: 'page',
        title: { fr: 'Pourquoi la redevabilité locale ?', en: 'Why local accountability?' },
        markdown: {
          fr: `## Les collectivités locales rendent des comptes

Depuis le Code des collectivités locales de 2018, les communes tunisiennes disposent de compétences et de budgets propres, et doivent associer les habitants à leurs décisions. Les séances du conseil municipal sont publiques, et chacun peut demander à consulter les documents administratifs en vertu de la loi organique n° 2016-22 relative au droit d’accès à l’information.

Ces outils ne valent que s’ils sont utilisés. C’est là que les associations jouent un rôle décisif : elles disposent de la continuité, des compétences et du réseau nécessaires pour suivre l’action publique dans la durée.

### Trois leviers pour les OSC

- **L’information** : demander et analyser le budget communal, le plan d’investissement, les procès-verbaux des séances.
- **La participation** : prendre part aux réunions de concertation et au budget participatif, relayer la parole des habitants, en particulier des femmes et des jeunes.
- **Le dialogue** : restituer publiquement ce que l’on a observé, proposer des recommandations et suivre leur prise en compte.

### Une posture constructive

La redevabilité n’est pas la dénonciation. Une association crédible s’appuie sur des faits vérifiés, cite ses sources, reconnaît les progrès et formule des propositions réalistes. C’est cette rigueur qui lui ouvre la porte des élus et de l’administration, et qui lui permet d’être écoutée le jour où elle doit signaler un vrai problème.
`,
        },
      },
      {
        kind: 'video',
        title: { fr: 'Le budget participatif en images', en: 'Participatory budgeting explained' },
        embedUrl: video('pQbudgetP01'),
      },
      {
        kind: 'page',
        required: false,
        title: {
          fr: 'Méthode : observer une séance du conseil municipal',
          en: 'Method: observing a council session',
        },
        markdown: {
          fr: `## Avant la séance

- Se procurer l’ordre du jour, affiché à la mairie et publié sur le site de la commune.
- Répartir les rôles dans l’équipe : une personne note les présences et les votes, une autre les débats, une troisième les questions du public.
- Préparer une **grille d’observation** commune : points inscrits, durée des débats, décisions, votes, interventions du public.

## Pendant la séance

Arriver à l’heure, se présenter au secrétariat, respecter le règlement intérieur. Noter les faits, pas les impressions : « le point 4 a été adopté par 12 voix contre 3 » plutôt que « le point 4 est passé en force ». Relever aussi le nombre de citoyens présents et la place qui leur est laissée.

## Après la séance

Comparer les notes de l’équipe le jour même, puis confronter le compte rendu avec le procès-verbal officiel lorsqu’il est publié. Publier une synthèse courte et factuelle, et la transmettre à la commune avec vos questions.

Sur plusieurs mois, les grilles permettent de mesurer l’assiduité des élus, la place du public et le suivi des engagements pris. Partagez-les dans l’espace : d’autres associations pourront comparer avec leur propre commune.
`,
        },
      },
      {
        kind: 'quiz',
        title: {
          fr: 'Quiz : redevabilité et accès à l’information',
          en: 'Quiz: accountability and access to information',
        },
        quiz: {
          passingScore: 60,
          attemptsAllowed: 0,
          questions: [
            {
              id: 'q1',
              multiple: false,
              text: { fr: 'Quel texte organise le droit d’accès à l’information en Tunisie ?' },
              choices: [
                choice(
                  'a',
                  true,
                  'La loi organique n° 2016-22',
                  'Oui : elle permet à chacun de demander des documents administratifs.',
                ),
                choice('b', false, 'Le décret-loi n° 2011-88', 'Ce texte organise les associations.'),
                choice(
                  'c',
                  false,
                  'Le Code des obligations et des contrats',
                  'Ce code régit les contrats entre particuliers.',
                ),
              ],
            },
            {
              id: 'q2',
              multiple: true,
              text: { fr: 'Lors de l’observation d’une séance, que faut-il noter ?' },
              choices: [
                choice('a', true, 'Les décisions et les votes', 'Oui, ce sont des faits vérifiables.'),
                choice(
                  'b',
                  false,
                  'Vos impressions sur les élus',
                  'Les impressions affaiblissent la crédibilité du rapport.',
                ),
                choice(
                  'c',
                  true,
                  'Le nombre de citoyens présents',
                  'Oui : c’est un indicateur de participation.',
                ),
              ],
            },
            {
              id: 'q3',
              multiple: false,
              text: { fr: 'Quelle posture rend une association crédible auprès des élus ?' },
              choices: [
                choice(
                  'a',
                  true,
                  'Des faits vérifiés et des propositions réalistes',
                  'C’est la base d’un dialogue durable.',
                ),
                choice(
                  'b',
                  false,
                  'Publier immédiatement des critiques sur les réseaux sociaux',
                  'Sans vérification, la critique se retourne contre l’association.',
                ),
                choice(
                  'c',
                  false,
                  'Éviter tout contact avec la commune',
                  'Sans dialogue, les recommandations ne sont pas entendues.',
                ),
              ],
            },
          ],
        },
      },
    ],
  },

  // ----- gestion-de-projet -----
  {
    space: 'gestion-de-projet',
    originalLanguage: 'fr',
    title: {
      fr: PROJECT_CYCLE_MODULE,
      ar: 'دورة المشروع الجمعياتي',
      en: 'The CSO project cycle',
    },
    summary: {
      fr: 'De la programmation à l’évaluation : les six étapes du cycle de projet, l’arbre à problèmes, le cadre logique et des indicateurs SMART.',
      en: 'From programming to evaluation: the six steps of the project cycle, problem trees, the logical framework and SMART indicators.',
    },
    estimatedMinutes: 60,
    status: 'published',
    daysAgo: 90,
    author: ANIMATRICE,
    lessons: [
      {
        kind: 'page',
        title: { fr: 'Les six étapes du cycle de projet', en: 'The six steps of the project cycle' },
        markdown: {
          fr: `## Un projet est un cycle, pas une ligne droite

La plupart des bailleurs, à commencer par l’Union européenne, décrivent la gestion d’un projet comme un **cycle** en six étapes. Chaque étape produit des documents qui nourrissent la suivante, et l’évaluation finale alimente la programmation des projets futurs.

1. **Programmation** : l’association définit ses priorités à partir de sa mission, de son plan stratégique et des besoins du territoire.
2. **Identification** : on analyse une situation précise avec les personnes concernées (arbre à problèmes, analyse des parties prenantes) et on retient une idée de projet.
3. **Formulation** : l’idée devient un projet détaillé : objectifs, résultats, activités, indicateurs, budget, calendrier. C’est ici que l’on construit le **cadre logique**.
4. **Financement** : le dossier est soumis aux bailleurs ; la convention signée fixe les engagements de chacun.
5. **Mise en œuvre et suivi** : les activités sont réalisées, les dépenses et les indicateurs suivis régulièrement ; les écarts sont expliqués et le plan ajusté.
6. **Évaluation** : on mesure la pertinence, l’efficacité, l’efficience, l’impact et la durabilité du projet, et on en tire des leçons.

### Ce qui fait la différence

Les projets qui réussissent sont ceux où les bénéficiaires participent à chaque étape, et pas seulement à l’identification. Ce sont aussi ceux où l’équipe prend le temps, à la fin, de documenter ce qui a marché et ce qui n’a pas marché : c’est la mémoire de l’association, et la matière première de son prochain projet.
`,
        },
      },
      {
        kind: 'page',
        title: { fr: 'Du diagnostic au cadre logique', en: 'From diagnosis to logical framework' },
        markdown: {
          fr: `## Partir du problème

Un bon projet répond à un problème bien posé. L’**arbre à problèmes** aide l’équipe à le formuler : au centre, le problème principal (« les jeunes du quartier décrochent de l’école ») ; en dessous, ses causes (transport, absence de soutien scolaire, pauvreté) ; au-dessus, ses effets (chômage, exclusion). En retournant chaque problème en situation souhaitée, on obtient l’**arbre à objectifs**.

## Choisir une stratégie

L’association ne peut pas agir sur toutes les branches. Elle choisit celles où elle est légitime et compétente, et où d’autres acteurs n’agissent pas déjà.

## Remplir le cadre logique

Le cadre logique résume le projet dans une matrice :

| Niveau | Logique d’intervention | Indicateurs | Sources de vérification | Hypothèses |
| --- | --- | --- | --- | --- |
| Objectif global | | | | |
| Objectif spécifique | | | | |
| Résultats | | | | |
| Activités | | Moyens et coûts | | |

La lecture verticale vérifie la cohérence : *si* les activités sont réalisées *et* les hypothèses vérifiées, *alors* les résultats sont atteints. Chaque indicateur doit être **SMART** : spécifique, mesurable, atteignable, réaliste et temporellement défini. « 80 % des 120 jeunes inscrits passent en classe supérieure en juin 2026 » est un indicateur ; « améliorer la scolarité » n’en est pas un.
`,
        },
      },
      {
        kind: 'quiz',
        title: { fr: 'Quiz : le cycle de projet', en: 'Quiz: the project cycle' },
        quiz: {
          passingScore: 70,
          attemptsAllowed: 3,
          questions: [
            {
              id: 'q1',
              multiple: false,
              text: { fr: 'À quelle étape construit-on le cadre logique ?' },
              choices: [
                choice(
                  'a',
                  false,
                  'L’identification',
                  'L’identification choisit l’idée ; le cadre logique vient ensuite.',
                ),
                choice('b', true, 'La formulation', 'Oui : l’idée devient un projet détaillé.'),
                choice(
                  'c',
                  false,
                  'L’évaluation',
                  'L’évaluation s’appuie sur le cadre logique, elle ne le construit pas.',
                ),
              ],
            },
            {
              id: 'q2',
              multiple: true,
              text: { fr: 'Lesquels de ces critères servent à évaluer un projet ?' },
              choices: [
                choice('a', true, 'La pertinence', 'Le projet répond-il au bon problème ?'),
                choice('b', true, 'L’efficience', 'Les résultats justifient-ils les moyens ?'),
                choice(
                  'c',
                  false,
                  'La popularité sur les réseaux sociaux',
                  'La visibilité n’est pas un critère d’évaluation.',
                ),
                choice('d', true, 'La durabilité', 'Les effets durent-ils après le financement ?'),
              ],
            },
            {
              id: 'q3',
              multiple: false,
              text: { fr: 'Lequel de ces énoncés est un indicateur SMART ?' },
              choices: [
                choice(
                  'a',
                  false,
                  'Améliorer la scolarité des jeunes',
                  'C’est un objectif, pas un indicateur mesurable.',
                ),
                choice(
                  'b',
                  true,
                  '80 % des 120 jeunes inscrits passent en classe supérieure en juin 2026',
                  'Spécifique, mesurable et daté.',
                ),
                choice('c', false, 'Organiser beaucoup d’ateliers', '« Beaucoup » ne se mesure pas.'),
              ],
            },
            {
              id: 'q4',
              multiple: false,
              text: { fr: 'À quoi sert l’arbre à problèmes ?' },
              choices: [
                choice(
                  'a',
                  true,
                  'À analyser les causes et les effets d’un problème central',
                  'Oui, avant de choisir une stratégie.',
                ),
                choice('b', false, 'À répartir le budget', 'Le budget vient à la formulation.'),
                choice(
                  'c',
                  false,
                  'À choisir le bailleur',
                  'Il sert à comprendre la situation, pas à chercher un financement.',
                ),
              ],
            },
          ],
        },
      },
      {
        kind: 'page',
        required: false,
        title: { fr: 'Ressources : des modèles à réutiliser', en: 'Resources: reusable templates' },
        markdown: {
          fr: `## Des modèles pour gagner du temps

L’espace *Gestion de projet associatif* met à votre disposition des gabarits éprouvés par d’autres associations du réseau. Adaptez-les à votre contexte plutôt que de repartir d’une page blanche :

- **Matrice de cadre logique** : un tableur avec les quatre niveaux et des exemples d’indicateurs pour l’éducation, l’emploi des jeunes et l’environnement.
- **Budget par activité** : chaque ligne renvoie à une activité du cadre logique ; les coûts indirects sont plafonnés et justifiés.
- **Chronogramme** : un diagramme de Gantt simple, mois par mois.
- **Plan de suivi** : pour chaque indicateur, la valeur de départ, la cible, la fréquence de collecte et la personne responsable.
- **Modèle de rapport narratif** : les rubriques que demandent la plupart des bailleurs.

Partagez à votre tour vos propres modèles dans la bibliothèque de l’espace : une communauté de pratique vit des contributions de ses membres, et votre gabarit fera gagner des heures à une association qui démarre. Indiquez simplement dans quel contexte vous l’avez utilisé et ce que vous y changeriez aujourd’hui.
`,
        },
      },
    ],
  },
  {
    space: 'gestion-de-projet',
    originalLanguage: 'fr',
    title: {
      fr: 'Suivi-évaluation et rapports aux bailleurs',
      ar: 'المتابعة والتقييم والتقارير للمانحين',
      en: 'Monitoring, evaluation and donor reporting',
    },
    summary: {
      fr: 'Construire un plan de suivi, collecter les données utiles et rédiger des rapports narratifs cohérents avec le rapport financier. Module en préparation.',
      en: 'Building a monitoring plan, collecting useful data and writing narrative reports consistent with the financial report. Work in progress.',
    },
    estimatedMinutes: 50,
    status: 'draft',
    daysAgo: 6,
    author: ANIMATRICE,
    lessons: [
      {
        kind: 'page',
        title: { fr: 'Construire son plan de suivi', en: 'Building a monitoring plan' },
        markdown: {
          fr: `## Suivre pour piloter

Le suivi n’est pas une formalité pour le bailleur : c’est l’outil de pilotage de l’équipe. Il consiste à collecter régulièrement des données sur les activités réalisées, les dépenses engagées et les indicateurs du cadre logique, pour repérer les écarts à temps et décider des ajustements.

### Le plan de suivi

Pour chaque indicateur, précisez :

- la **valeur de référence**, mesurée au démarrage ;
- la **cible** et l’échéance ;
- la **source** (listes de présence, questionnaires, registres) ;
- la **fréquence** de collecte et la **personne responsable**.

### Les rapports

Un rapport narratif utile raconte ce qui a été fait, ce qui a changé pour les bénéficiaires, les difficultés rencontrées et les ajustements décidés. Il s’appuie sur les données du suivi et reste cohérent avec le rapport financier : chaque écart budgétaire important est expliqué.

Enfin, partagez les rapports avec l’équipe et les bénévoles : ils y voient le sens de leur travail.

*Module en préparation : les leçons sur l’évaluation finale et les termes de référence d’un évaluateur externe arrivent bientôt.*
`,
        },
      },
    ],
  },
  {
    space: 'gestion-de-projet',
    originalLanguage: 'fr',
    title: {
      fr: 'Le cadre logique pas à pas (édition 2019)',
      ar: 'الإطار المنطقي خطوة بخطوة (نسخة 2019)',
      en: 'The logical framework step by step (2019 edition)',
    },
    summary: {
      fr: 'Ancienne édition, archivée : le module « Le cycle de projet associatif » la remplace. Les certificats délivrés restent valables.',
      en: 'Former edition, archived: “The CSO project cycle” replaces it. Certificates already issued remain valid.',
    },
    estimatedMinutes: 30,
    status: 'archived',
    daysAgo: 700,
    author: ANIMATRICE,
    lessons: [
      {
        kind: 'page',
        title: { fr: 'Les quatre niveaux du cadre logique', en: 'The four levels of the logical framework' },
        markdown: {
          fr: `## Une matrice, quatre niveaux

Le cadre logique relie ce que fait l’association à ce qu’elle veut changer. On le lit de bas en haut :

- les **activités** mobilisent des moyens (personnes, matériel, budget) ;
- elles produisent des **résultats** concrets : des jeunes formés, un guide publié, un comité créé ;
- ces résultats contribuent à l’**objectif spécifique**, le changement que le projet vise pour ses bénéficiaires ;
- qui participe à son tour à l’**objectif global**, plus large, partagé avec d’autres acteurs.

À chaque niveau, on note les indicateurs, les sources de vérification et les hypothèses : les conditions extérieures nécessaires au succès, que l’association ne maîtrise pas, comme l’accord de la commune ou la disponibilité d’un local. Si une hypothèse est trop incertaine, mieux vaut revoir le projet que l’ignorer : c’est souvent là que les projets échouent.

*Cette édition de 2019 est archivée : le module « Le cycle de projet associatif » la remplace. Les membres qui l’ont suivie gardent leur certificat.*
`,
        },
      },
      {
        kind: 'page',
        title: { fr: 'Les erreurs fréquentes', en: 'Common mistakes' },
        markdown: {
          fr: `## Ce que les bailleurs relèvent le plus souvent

1. **Confondre activités et résultats** : « organiser six ateliers » est une activité ; « 90 animatrices formées à l’écoute active » est un résultat.
2. **Des objectifs trop ambitieux** : un projet de dix-huit mois ne « réduit pas la pauvreté dans le gouvernorat » ; il contribue à un changement mesurable pour un groupe précis.
3. **Des indicateurs sans valeur de départ** : sans mesure initiale, impossible de montrer un progrès.
4. **Des hypothèses oubliées** : l’accord de la commune, la disponibilité d’un local, la stabilité des prix sont des conditions à écrire.
5. **Un budget déconnecté** : chaque ligne du budget doit correspondre à une activité de la matrice.

Relire son cadre logique avec une personne extérieure au projet reste le meilleur moyen de repérer ces erreurs avant le dépôt du dossier. Une relecture croisée entre associations du réseau, dans l’espace, fonctionne très bien : chacune voit plus facilement les faiblesses du projet des autres que les siennes.
`,
        },
      },
    ],
  },

  // ----- egalite-femmes-hommes -----
  {
    space: 'egalite-femmes-hommes',
    originalLanguage: 'fr',
    title: {
      fr: 'Budgétisation sensible au genre : les bases',
      ar: 'الميزانية المراعية للنوع الاجتماعي: الأساسيات',
      en: 'Gender budgeting: the basics',
    },
    summary: {
      fr: 'Lire un budget avec des lunettes de genre : qui bénéficie de chaque dépense, quels obstacles freinent la participation des femmes, et comment les lever à moindre coût.',
      en: 'Reading a budget through a gender lens: who benefits from each expense, which obstacles hold back women’s participation, and how to lift them at little cost.',
    },
    estimatedMinutes: 35,
    status: 'published',
    daysAgo: 100,
    author: LEILA,
    lessons: [
      {
        kind: 'page',
        title: {
          fr: 'Qu’est-ce qu’un budget sensible au genre ?',
          en: 'What is gender-responsive budgeting?',
        },
        markdown: {
          fr: `## Un budget n’est jamais neutre

Un budget traduit des choix : il dit qui bénéficie des ressources, et qui n’en bénéficie pas. La **budgétisation sensible au genre** (BSG) consiste à analyser ces choix en se demandant comment ils affectent différemment les femmes et les hommes, les filles et les garçons, compte tenu de leurs rôles, de leurs besoins et de leurs contraintes.

Il ne s’agit pas de créer un budget séparé « pour les femmes », mais de regarder **l’ensemble** du budget avec une grille de lecture supplémentaire. La Tunisie s’est engagée dans cette démarche : la loi organique du budget de 2019 demande que la programmation budgétaire de l’État tienne compte de l’égalité des chances entre les femmes et les hommes.

### Pourquoi l’appliquer dans une association ?

- parce que les projets associatifs produisent parfois, sans le vouloir, des inégalités : une formation organisée le soir exclut les mères de jeunes enfants ;
- parce que les bailleurs demandent de plus en plus des données **ventilées par sexe** et des indicateurs sensibles au genre ;
- parce que c’est cohérent avec les valeurs que défendent la plupart des OSC.

### Les trois questions de base

1. **Qui** sont les bénéficiaires réels de chaque ligne budgétaire ?
2. **Quels besoins** spécifiques ont-ils, et sont-ils couverts ?
3. **Quels obstacles** (horaires, transport, garde d’enfants, sécurité) limitent l’accès de certaines personnes, et combien coûte de les lever ?
`,
        },
      },
      {
        kind: 'page',
        title: {
          fr: 'Analyser un budget associatif avec des lunettes de genre',
          en: 'Analysing a CSO budget through a gender lens',
        },
        markdown: {
          fr: `## Un exercice en quatre étapes

Prenez le budget d’un projet en cours et, avec l’équipe, suivez ces étapes.

**1. Ventiler les bénéficiaires.** Pour chaque activité, combien de femmes et d’hommes ont participé ? Si vous ne le savez pas, c’est le premier résultat de l’analyse : le suivi doit être amélioré.

**2. Classer les dépenses.** Distinguez les dépenses qui ciblent spécifiquement un groupe (un atelier pour les femmes artisanes), celles qui favorisent l’égalité dans l’équipe (horaires, formation du personnel) et les dépenses générales, de loin les plus importantes, dont il faut examiner l’effet.

**3. Repérer les coûts cachés de la participation.** Transport, garde d’enfants, horaires compatibles, lieu sûr et accessible : ces lignes sont souvent absentes, et leur absence explique une faible participation des femmes en milieu rural.

**4. Ajuster et suivre.** Inscrivez ces coûts dans le prochain budget, fixez des indicateurs (part des femmes parmi les participants, parmi les formateurs, parmi les bénéficiaires des fonds) et présentez-les dans le rapport annuel.

### Un cas typique

Une association agricole constate que ses formations attirent surtout des hommes, alors que les femmes assurent une grande part du travail dans les champs. En déplaçant les sessions le matin, près des lieux de travail, et en finançant une garderie, elle multiplie la participation des agricultrices pour un surcoût modeste. L’analyse de genre n’a pas demandé d’expertise coûteuse : seulement de poser les bonnes questions.
`,
        },
      },
      {
        kind: 'quiz',
        title: { fr: 'Quiz : budget et genre', en: 'Quiz: budgets and gender' },
        quiz: {
          passingScore: 75,
          attemptsAllowed: 2,
          questions: [
            {
              id: 'q1',
              multiple: false,
              text: { fr: 'La budgétisation sensible au genre consiste à…' },
              choices: [
                choice(
                  'a',
                  false,
                  'Créer un budget séparé réservé aux femmes',
                  'Non : on analyse l’ensemble du budget.',
                ),
                choice(
                  'b',
                  true,
                  'Analyser l’effet de l’ensemble du budget sur les femmes et les hommes',
                  'Exactement.',
                ),
                choice(
                  'c',
                  false,
                  'Réduire les dépenses générales',
                  'Il ne s’agit pas de couper, mais de mieux cibler.',
                ),
              ],
            },
            {
              id: 'q2',
              multiple: true,
              text: { fr: 'Quelles dépenses peuvent lever des obstacles à la participation des femmes ?' },
              choices: [
                choice('a', true, 'Le transport des participantes', 'Oui, surtout en milieu rural.'),
                choice('b', true, 'Une garde d’enfants pendant les sessions', 'Oui, c’est souvent décisif.'),
                choice('c', true, 'Un lieu sûr et accessible', 'Oui.'),
                choice(
                  'd',
                  false,
                  'Les frais de réception des officiels',
                  'Cette dépense ne change rien à l’accès des femmes.',
                ),
              ],
            },
            {
              id: 'q3',
              multiple: false,
              text: {
                fr: 'Vous ne connaissez pas la répartition femmes-hommes des participants. Que faire d’abord ?',
              },
              choices: [
                choice(
                  'a',
                  false,
                  'Supposer qu’elle est équilibrée',
                  'Une supposition ne remplace pas une donnée.',
                ),
                choice(
                  'b',
                  true,
                  'Ventiler par sexe les listes de présence',
                  'Oui : c’est le premier résultat de l’analyse.',
                ),
                choice('c', false, 'Ignorer la question', 'Sans données, impossible de corriger les écarts.'),
              ],
            },
            {
              id: 'q4',
              multiple: false,
              text: { fr: 'Quel indicateur est sensible au genre ?' },
              choices: [
                choice('a', false, 'Le nombre d’ateliers organisés', 'Il ne dit rien de qui en a bénéficié.'),
                choice('b', true, 'La part des femmes parmi les bénéficiaires des fonds', 'Oui.'),
                choice('c', false, 'Le montant total dépensé', 'Il faut savoir au profit de qui.'),
              ],
            },
          ],
        },
      },
    ],
  },
  {
    space: 'egalite-femmes-hommes',
    originalLanguage: 'ar',
    title: {
      ar: GENDER_BUDGET_AR_MODULE,
      fr: 'Le budget sensible au genre dans les projets associatifs',
      en: 'Gender-responsive budgeting in CSO projects',
    },
    summary: {
      ar: 'من جمع المعطيات المصنفة حسب الجنس إلى إدراج النتائج في ميزانية المشروع: دليل عملي للجمعيات.',
      fr: 'Des données ventilées par sexe à leur prise en compte dans le budget du projet : un guide pratique pour les associations (en arabe).',
      en: 'From sex-disaggregated data to a project budget that takes them into account: a practical guide for CSOs (in Arabic).',
    },
    estimatedMinutes: 40,
    status: 'published',
    daysAgo: 80,
    author: LEILA,
    lessons: [
      {
        kind: 'page',
        title: {
          ar: 'ما هي الميزانية المراعية للنوع الاجتماعي؟',
          fr: 'Qu’est-ce qu’un budget sensible au genre ?',
        },
        markdown: {
          ar: `## الميزانية ليست محايدة

كل ميزانية تعكس اختيارات: فهي تحدد من يستفيد من الموارد ومن لا يستفيد منها. تهدف **الميزانية المراعية للنوع الاجتماعي** إلى تحليل هذه الاختيارات وطرح سؤال بسيط: كيف تؤثر كل نفقة على النساء والرجال، وعلى الفتيات والفتيان، بشكل مختلف، بالنظر إلى أدوارهم واحتياجاتهم والصعوبات التي تواجههم؟

لا يتعلق الأمر بإعداد ميزانية منفصلة "للنساء"، بل بقراءة **الميزانية كاملة** بعدسة إضافية. وقد انخرطت تونس في هذا التمشي، إذ يدعو القانون الأساسي للميزانية لسنة 2019 إلى مراعاة تكافؤ الفرص بين النساء والرجال في برمجة ميزانية الدولة.

### لماذا تعتمدها الجمعيات؟

- لأن المشاريع قد تنتج أحيانًا، دون قصد، أشكالًا من عدم المساواة: تكوين يُنظَّم مساءً يُقصي الأمهات؛
- لأن المانحين يطلبون أكثر فأكثر معطيات **مصنفة حسب الجنس** ومؤشرات مراعية للنوع الاجتماعي؛
- لأنها تنسجم مع قيم العدالة والمساواة التي تدافع عنها الجمعيات.

### ثلاثة أسئلة أساسية

1. **من** هم المستفيدون الفعليون من كل بند في الميزانية؟
2. **ما** هي الاحتياجات الخاصة بكل فئة، وهل تمت تغطيتها؟
3. **ما** هي العوائق (التوقيت، النقل، رعاية الأطفال، السلامة) التي تحد من مشاركة بعض الفئات، وكم تكلف إزالتها؟
`,
        },
      },
      {
        kind: 'page',
        title: { ar: 'جمع المعطيات المصنفة حسب الجنس', fr: 'Collecter des données ventilées par sexe' },
        markdown: {
          ar: `## لا تحليل دون معطيات

الخطوة الأولى في كل تحليل هي معرفة من شارك فعلًا في أنشطة الجمعية. ولذلك يجب أن تتضمن **قوائم الحضور** واستمارات التسجيل خانة للجنس والفئة العمرية والوسط (ريفي أو حضري)، مع احترام سرية المعطيات الشخصية.

### ما الذي نجمعه؟

- عدد المشاركات والمشاركين في كل نشاط؛
- عدد النساء والرجال في فريق العمل وفي الهيئة المديرة؛
- توزيع المنح والقروض الصغرى والتجهيزات حسب الجنس؛
- آراء المستفيدات والمستفيدين حول توقيت الأنشطة ومكانها.

### كيف نجمعها؟

تُستعمل أدوات بسيطة: قائمة حضور موحدة لكل الأنشطة، استبيان قصير في نهاية كل دورة تكوينية، ومجموعات نقاش منفصلة للنساء والرجال عند الحاجة، لأن بعض النساء لا يعبّرن بحرية أمام الرجال في بعض المجتمعات المحلية.

### تنبيه

المعطيات المصنفة حسب الجنس ليست غاية في حد ذاتها. قيمتها في استعمالها: عرضها على الفريق، مناقشتها مع المستفيدين، وتعديل الأنشطة والميزانية بناءً عليها. ولا نجمع إلا ما نحتاجه فعلًا للتحليل، ونحفظ القوائم في مكان آمن لا يطّلع عليه إلا الأشخاص المعنيون. كما نُعلم المشاركات والمشاركين بسبب جمع هذه المعطيات وبطريقة استعمالها.
`,
        },
      },
      {
        kind: 'page',
        title: { ar: 'من التحليل إلى التخطيط', fr: 'De l’analyse à la planification' },
        markdown: {
          ar: `## إدراج النتائج في الميزانية القادمة

بعد جمع المعطيات وتحليلها، تأتي مرحلة القرار. إذا تبيّن مثلًا أن مشاركة النساء الريفيات في الدورات التكوينية ضعيفة بسبب بعد المكان وغياب وسائل النقل، فإن الحل ليس في دعوة عدد أكبر منهن، بل في **تخصيص بند للنقل** أو تنظيم الدورات في القرى نفسها.

### خطوات عملية

1. **حدّد الفجوات**: قارن بين نسبة النساء في الفئة المستهدفة ونسبتهن بين المستفيدين فعلًا.
2. **اقترح إجراءات**: تغيير التوقيت، توفير فضاء لرعاية الأطفال، تكوين مكوّنات من المنطقة.
3. **احسب الكلفة**: غالبًا ما تكون هذه الإجراءات أقل كلفة مما نتصور.
4. **ضع مؤشرات**: مثل نسبة النساء بين المستفيدين من التمويل، أو نسبتهن في الهيئة المديرة.
5. **تابع وقيّم**: قدّم هذه المؤشرات في التقرير السنوي وفي الجلسة العامة.

### مثال

لاحظت جمعية تنشط في منطقة ريفية أن النساء يمثلن أغلبية العاملين في الفلاحة المحلية، لكن أقلية صغيرة فقط من المشاركين في دوراتها. بعد نقل الدورات إلى الصباح وتوفير فضاء للأطفال، تضاعفت مشاركتهن خلال سنة واحدة، بكلفة إضافية محدودة.
`,
        },
      },
      {
        kind: 'quiz',
        title: { ar: 'اختبار: الميزانية والنوع الاجتماعي', fr: 'Quiz : budget et genre' },
        quiz: {
          passingScore: 66,
          attemptsAllowed: 3,
          questions: [
            {
              id: 'q1',
              multiple: false,
              text: { ar: 'الميزانية المراعية للنوع الاجتماعي هي:' },
              choices: [
                choice(
                  'a',
                  false,
                  'ميزانية منفصلة خاصة بالنساء',
                  'لا، الأمر يتعلق بقراءة الميزانية كاملة بعدسة النوع الاجتماعي.',
                  'ar',
                ),
                choice('b', true, 'تحليل أثر الميزانية كاملة على النساء والرجال', 'صحيح.', 'ar'),
                choice('c', false, 'تقليص النفقات العامة', 'الهدف هو الاستهداف الأفضل وليس التقليص.', 'ar'),
              ],
            },
            {
              id: 'q2',
              multiple: true,
              text: { ar: 'أيّ من هذه المعطيات يجب جمعها؟' },
              choices: [
                choice('a', true, 'عدد المشاركات والمشاركين في كل نشاط', 'نعم، هي نقطة الانطلاق.', 'ar'),
                choice('b', true, 'توزيع المنح حسب الجنس', 'نعم.', 'ar'),
                choice(
                  'c',
                  false,
                  'العنوان الشخصي الكامل لكل مشاركة',
                  'معطيات شخصية غير ضرورية للتحليل: لا نجمع إلا ما نحتاجه.',
                  'ar',
                ),
              ],
            },
            {
              id: 'q3',
              multiple: false,
              text: { ar: 'مشاركة النساء الريفيات ضعيفة بسبب غياب النقل. ما الحل الأنسب؟' },
              choices: [
                choice('a', false, 'إرسال دعوات أكثر', 'الدعوات لا تزيل العائق.', 'ar'),
                choice(
                  'b',
                  true,
                  'تخصيص بند للنقل أو تنظيم الدورات في القرى',
                  'صحيح: نعالج العائق نفسه.',
                  'ar',
                ),
                choice('c', false, 'إلغاء الدورات', 'هذا يحرم الجميع من التكوين.', 'ar'),
              ],
            },
          ],
        },
      },
    ],
  },

  // ----- participation-jeunes-sfax -----
  {
    space: 'participation-jeunes-sfax',
    originalLanguage: 'fr',
    title: {
      fr: 'Accueillir et fidéliser les bénévoles',
      ar: 'استقبال المتطوعين والمحافظة عليهم',
      en: 'Welcoming and keeping volunteers',
    },
    summary: {
      fr: 'Ce qui motive les jeunes bénévoles, ce qui les décourage, et un parcours d’accueil simple pour qu’ils restent et prennent des responsabilités.',
      en: 'What motivates young volunteers, what puts them off, and a simple welcome path so that they stay and take on responsibilities.',
    },
    estimatedMinutes: 30,
    status: 'published',
    daysAgo: 70,
    author: WALID,
    lessons: [
      {
        kind: 'page',
        title: {
          fr: 'Pourquoi et comment s’engagent les jeunes bénévoles',
          en: 'Why and how young volunteers get involved',
        },
        markdown: {
          fr: `## Le bénévolat change de visage

Les jeunes Tunisiens s’engagent nombreux, mais pas toujours comme leurs aînés. Beaucoup préfèrent des missions **ponctuelles et concrètes** (une campagne de nettoyage de plage, une collecte de fournitures scolaires, l’encadrement d’un atelier) à une adhésion de longue durée. Ils découvrent souvent l’association par les réseaux sociaux ou par un ami, et jugent vite si leur temps est utile.

### Ce qui motive

- **se sentir utile** et voir le résultat de son action ;
- **apprendre** : prise de parole, organisation d’un événement, outils numériques ;
- **rencontrer** d’autres jeunes et élargir son réseau ;
- **valoriser** l’expérience dans un CV ou une candidature.

### Ce qui décourage

Des tâches floues, une attente trop longue avant la première mission, l’impression de ne pas être écouté, ou des réunions interminables sans décision. Les jeunes femmes citent aussi les horaires tardifs et les déplacements sans accompagnement.

### Conséquences pour l’association

Proposer des **missions de formats variés**, de quelques heures à plusieurs mois ; décrire chaque mission par écrit (objectif, durée, compétences, contact) ; répondre rapidement à chaque candidature ; et confier de vraies responsabilités à ceux qui le souhaitent. Un jeune bénévole bien accueilli aujourd’hui est souvent le dirigeant associatif de demain.
`,
        },
      },
      {
        kind: 'page',
        title: { fr: 'Accueil, intégration et reconnaissance', en: 'Welcome, onboarding and recognition' },
        markdown: {
          fr: `## Les trois premières semaines comptent

Un bénévole décide souvent dans ses premières semaines s’il reste. Un parcours d’accueil simple fait la différence :

1. **un entretien d’accueil** pour connaître ses motivations, ses disponibilités et ses compétences ;
2. **une présentation** de l’association : sa mission, ses projets, son fonctionnement, ses règles (charte du bénévole, confidentialité, comportement avec les bénéficiaires) ;
3. **un référent**, membre expérimenté, à qui poser ses questions ;
4. **une première mission** courte et réussie, dans les quinze jours.

## Reconnaître l’engagement

La reconnaissance n’est pas un luxe. Elle peut prendre plusieurs formes : remercier publiquement, inviter aux moments conviviaux, associer aux décisions, proposer des formations, délivrer une **attestation de bénévolat** décrivant les missions et les compétences mobilisées.

## Faire le point régulièrement

Un court échange tous les trois mois permet d’ajuster les missions, de prévenir l’épuisement et de repérer ceux qui veulent prendre plus de responsabilités. Quand un bénévole part, un entretien de départ bienveillant aide l’association à comprendre ce qu’elle peut améliorer, et laisse la porte ouverte à un retour.

## Le cadre

Le bénévole n’est pas un salarié : il ne reçoit pas de rémunération, mais les frais engagés pour l’association peuvent lui être remboursés sur justificatifs. Pensez aussi à l’assurance des activités.
`,
        },
      },
      {
        kind: 'video',
        required: false,
        title: { fr: 'Témoignages : pourquoi je suis bénévole', en: 'Testimonies: why I volunteer' },
        embedUrl: video('pQvolont02'),
      },
      {
        kind: 'quiz',
        title: { fr: 'Quiz : le bénévolat des jeunes', en: 'Quiz: youth volunteering' },
        quiz: {
          passingScore: 66,
          attemptsAllowed: 0,
          questions: [
            {
              id: 'q1',
              multiple: true,
              text: { fr: 'Qu’est-ce qui motive le plus souvent les jeunes bénévoles ?' },
              choices: [
                choice('a', true, 'Se sentir utile', 'Oui : montrez-leur le résultat de leur action.'),
                choice(
                  'b',
                  true,
                  'Apprendre de nouvelles compétences',
                  'Oui, et l’attestation permet de les valoriser.',
                ),
                choice('c', false, 'Les longues réunions', 'C’est plutôt ce qui les décourage.'),
              ],
            },
            {
              id: 'q2',
              multiple: false,
              text: { fr: 'Dans quel délai proposer une première mission à un nouveau bénévole ?' },
              choices: [
                choice('a', false, 'Après six mois d’observation', 'Trop tard : il sera parti.'),
                choice('b', true, 'Dans les quinze jours', 'Oui : une mission courte et réussie.'),
                choice('c', false, 'Après la prochaine assemblée générale', 'Rien n’oblige à attendre l’AG.'),
              ],
            },
            {
              id: 'q3',
              multiple: false,
              text: { fr: 'Quel document valorise l’expérience d’un bénévole ?' },
              choices: [
                choice(
                  'a',
                  true,
                  'Une attestation de bénévolat',
                  'Oui, avec les missions et les compétences mobilisées.',
                ),
                choice('b', false, 'Un contrat de travail', 'Le bénévole n’est pas salarié.'),
                choice(
                  'c',
                  false,
                  'Aucun, le bénévolat est informel',
                  'Une attestation est simple et très appréciée.',
                ),
              ],
            },
          ],
        },
      },
    ],
  },
  {
    space: 'participation-jeunes-sfax',
    originalLanguage: 'fr',
    title: {
      fr: 'Créer un conseil local de jeunes',
      ar: 'إحداث مجلس محلي للشباب',
      en: 'Setting up a local youth council',
    },
    summary: {
      fr: 'À quoi sert un conseil de jeunes, les conditions de son succès, et les étapes pour le mettre en place avec la commune.',
      en: 'What a youth council is for, what makes it work, and the steps to set one up with the municipality.',
    },
    estimatedMinutes: 25,
    status: 'published',
    daysAgo: 40,
    author: WALID,
    lessons: [
      {
        kind: 'page',
        title: { fr: 'Un conseil de jeunes, pour quoi faire ?', en: 'What is a youth council for?' },
        markdown: {
          fr: `## Donner une voix aux jeunes dans la commune

Un **conseil local de jeunes** réunit des jeunes d’une commune, élus ou volontaires, pour débattre des questions qui les concernent et faire des propositions aux élus : équipements sportifs et culturels, transport, emploi, environnement, sécurité des espaces publics. Le Code des collectivités locales encourage la participation des habitants à la vie locale ; un conseil de jeunes en est une forme concrète.

### Ce qu’il apporte

- aux **jeunes** : comprendre le fonctionnement des institutions, s’exprimer en public, mener un projet de bout en bout ;
- à la **commune** : mieux connaître les attentes d’une population souvent absente des réunions publiques ;
- aux **associations** : un partenaire pour leurs actions et un vivier de futurs bénévoles.

### Les conditions du succès

Un conseil de jeunes n’est pas une vitrine. Il a besoin d’un **mandat clair** (sur quoi peut-il donner son avis ?), d’un **interlocuteur** identifié à la commune, de **moyens** modestes mais réels (un local, un petit budget de projets) et d’un **retour** systématique : chaque proposition reçoit une réponse motivée. Sans ce retour, les jeunes se démobilisent en quelques mois.

La parité entre filles et garçons, et la présence de jeunes des quartiers périphériques et des zones rurales, doivent être recherchées dès la constitution du conseil.
`,
        },
      },
      {
        kind: 'page',
        title: { fr: 'Les étapes de mise en place', en: 'Setting it up step by step' },
        markdown: {
          fr: `## De l’idée au premier projet

**1. Réunir les partenaires.** L’association, la commune, la maison des jeunes et les établissements scolaires s’accordent sur les objectifs, dans une convention simple.

**2. Définir les règles.** Âge des membres (souvent de 15 à 25 ans), durée du mandat, mode de désignation (élection dans les lycées, appel à candidatures, tirage au sort parmi les volontaires), parité, fonctionnement des réunions.

**3. Mobiliser.** Campagne sur les réseaux sociaux et dans les établissements, réunions d’information dans les quartiers, témoignages de jeunes d’autres villes.

**4. Installer le conseil.** Une séance d’installation publique, en présence d’élus, donne de la visibilité et engage la commune.

**5. Former.** Quelques ateliers au démarrage : fonctionnement de la commune, lecture d’un budget, conduite de réunion, montage d’un petit projet.

**6. Agir et rendre compte.** Le conseil choisit un ou deux projets réalisables dans l’année (une journée de l’environnement, un état des lieux des espaces sportifs) et présente son bilan lors d’une séance publique.

### Le rôle de l’association

Elle accompagne sans se substituer : animation des premières réunions, formation, médiation avec la commune. Son objectif est que le conseil devienne autonome, puis qu’il forme lui-même la génération suivante.
`,
        },
      },
    ],
  },

  // ----- developpement-local-kairouan -----
  {
    space: 'developpement-local-kairouan',
    originalLanguage: 'ar',
    title: {
      ar: SSE_AR_MODULE,
      fr: 'Économie sociale et solidaire : lancer un projet collectif',
      en: 'Social and solidarity economy: starting a collective project',
    },
    summary: {
      ar: 'مبادئ الاقتصاد الاجتماعي والتضامني وأشكاله، ومراحل بعث مشروع جماعي مع الحرفيات والفلاحين في الجهة.',
      fr: 'Les principes et les formes de l’économie sociale et solidaire, et les étapes pour lancer un projet collectif avec les artisanes et les agriculteurs de la région (en arabe).',
      en: 'The principles and forms of the social and solidarity economy, and the steps to start a collective project with local craftswomen and farmers (in Arabic).',
    },
    estimatedMinutes: 35,
    status: 'published',
    daysAgo: 55,
    author: OUSSAMA,
    lessons: [
      {
        kind: 'page',
        title: {
          ar: 'ما هو الاقتصاد الاجتماعي والتضامني؟',
          fr: 'Qu’est-ce que l’économie sociale et solidaire ?',
        },
        markdown: {
          ar: `## اقتصاد في خدمة الإنسان

الاقتصاد الاجتماعي والتضامني هو مجموعة من الأنشطة الاقتصادية التي تنتج سلعًا وخدمات، لكن هدفها الأول ليس تحقيق الربح الفردي بل تلبية حاجيات جماعية وخلق مواطن شغل لائقة وتنمية الجهة. وقد نظّمه في تونس القانون عدد 30 لسنة 2020.

### مبادئه الأساسية

- **أولوية الإنسان** والهدف الاجتماعي على رأس المال؛
- **التسيير الديمقراطي**: لكل عضو صوت واحد مهما كانت مساهمته؛
- **التوزيع المحدود للأرباح**، إذ يُعاد استثمار الجزء الأكبر منها في المشروع؛
- **الاستقلالية** في التسيير؛
- **التضامن** بين الأعضاء ومع المجتمع المحلي.

### أشكاله

التعاضديات، الشركات التعاونية للخدمات الفلاحية، مجامع التنمية في قطاع الفلاحة والصيد البحري، الجمعيات ذات النشاط الاقتصادي، وجمعيات القروض الصغرى. في القيروان مثلًا، يمكن لحرفيات الزربية أو لمنتجي الزيتون أن يتجمّعوا لشراء المواد الأولية بسعر أفضل وتسويق منتوجهم بشكل مشترك.

### دور الجمعيات

ترافق الجمعيات المجموعات في كل المراحل: التعريف بالفكرة، التكوين في التسيير والمحاسبة، البحث عن التمويل، والربط مع الأسواق والمعارض. وهي بذلك جسر بين المبادرات الصغيرة ومؤسسات التمويل والسلط المحلية.
`,
        },
      },
      {
        kind: 'page',
        title: { ar: 'مراحل بعث مشروع جماعي', fr: 'Les étapes d’un projet collectif' },
        markdown: {
          ar: `## من الفكرة إلى النشاط

**1. تحديد الحاجة.** ينطلق المشروع من حاجة مشتركة يعبّر عنها أعضاء المجموعة أنفسهم: تسويق منتوج، خفض كلفة المواد الأولية، توفير خدمة غير موجودة في المنطقة.

**2. تكوين المجموعة.** يتفق الأعضاء على الهدف وعلى قواعد العمل المشترك: المساهمات، توزيع المهام، طريقة اتخاذ القرار، وكيفية تقاسم النتائج.

**3. دراسة الجدوى.** تقدير السوق والأسعار والكلفة والمخاطر. دراسة بسيطة وصادقة أفضل من دراسة طويلة لا يفهمها الأعضاء.

**4. اختيار الشكل القانوني.** تعاضدية أو شركة تعاونية أو جمعية، حسب طبيعة النشاط وعدد الأعضاء وحاجيات التمويل.

**5. التمويل.** مساهمات الأعضاء أولًا، ثم القروض الصغرى أو المنح أو الشراكات. التمويل الذاتي، ولو كان محدودًا، يعزز التزام الأعضاء.

**6. الانطلاق والمتابعة.** تنظيم جلسة عامة سنوية، مسك حسابات واضحة، وتقييم دوري للنتائج مع كل الأعضاء.

### نصيحة

ابدأ صغيرًا. نجاح نشاط أول محدود، مثل شراء مشترك للصوف أو بيع جماعي في السوق الأسبوعية، يبني الثقة التي يحتاجها المشروع ليكبر، ويقنع المموّلين بجدية المجموعة. وتستطيع الجمعية أن ترافق المجموعة في كل مرحلة دون أن تحلّ محلها.
`,
        },
      },
      {
        kind: 'quiz',
        title: {
          ar: 'اختبار قصير: الاقتصاد الاجتماعي والتضامني',
          fr: 'Quiz : économie sociale et solidaire',
        },
        quiz: {
          passingScore: 66,
          attemptsAllowed: 0,
          questions: [
            {
              id: 'q1',
              multiple: false,
              text: { ar: 'ما هو الهدف الأول للاقتصاد الاجتماعي والتضامني؟' },
              choices: [
                choice('a', false, 'تحقيق أقصى ربح للمساهمين', 'لا، الربح الفردي ليس الهدف الأول.', 'ar'),
                choice('b', true, 'تلبية حاجيات جماعية وخلق مواطن شغل لائقة', 'صحيح.', 'ar'),
                choice('c', false, 'تعويض الدولة في كل خدماتها', 'ليس هذا دوره.', 'ar'),
              ],
            },
            {
              id: 'q2',
              multiple: false,
              text: { ar: 'في التسيير الديمقراطي، كم صوتًا لكل عضو؟' },
              choices: [
                choice('a', true, 'صوت واحد مهما كانت مساهمته', 'صحيح: عضو واحد، صوت واحد.', 'ar'),
                choice('b', false, 'حسب قيمة مساهمته', 'هذا منطق الشركات التجارية.', 'ar'),
                choice('c', false, 'للرئيس وحده حق التصويت', 'القرار جماعي.', 'ar'),
              ],
            },
            {
              id: 'q3',
              multiple: true,
              text: { ar: 'ما هي مصادر التمويل الممكنة لمشروع جماعي؟' },
              choices: [
                choice('a', true, 'مساهمات الأعضاء', 'نعم، وهي تعزز الالتزام.', 'ar'),
                choice('b', true, 'القروض الصغرى', 'نعم.', 'ar'),
                choice('c', true, 'المنح والشراكات', 'نعم.', 'ar'),
                choice('d', false, 'لا شيء قبل دعم الدولة', 'المجموعة تستطيع الانطلاق بإمكانياتها.', 'ar'),
              ],
            },
          ],
        },
      },
    ],
  },
  {
    space: 'developpement-local-kairouan',
    originalLanguage: 'fr',
    title: {
      fr: 'Le diagnostic participatif de territoire',
      ar: 'التشخيص التشاركي للمنطقة',
      en: 'Participatory local diagnosis',
    },
    summary: {
      fr: 'Comprendre un territoire avec ceux qui y vivent : pourquoi associer les habitants, et les outils simples (carte, calendrier saisonnier, diagramme des acteurs) pour le faire.',
      en: 'Understanding an area with the people who live there: why involve residents, and simple tools (map, seasonal calendar, stakeholder diagram) to do it.',
    },
    estimatedMinutes: 30,
    status: 'published',
    daysAgo: 30,
    author: OUSSAMA,
    lessons: [
      {
        kind: 'page',
        title: { fr: 'Pourquoi un diagnostic participatif ?', en: 'Why a participatory diagnosis?' },
        markdown: {
          fr: `## Connaître son territoire avec ceux qui y vivent

Avant de lancer un projet de développement local, une association doit comprendre le territoire : ses ressources, ses difficultés, ses acteurs, ses dynamiques. Un **diagnostic participatif** associe les habitants à cette analyse, au lieu de la confier uniquement à des experts extérieurs.

### Ce qu’il apporte

- des informations qu’aucune statistique ne donne : les savoir-faire des artisanes de la médina, les tensions autour de l’eau d’irrigation, les raisons pour lesquelles les jeunes partent ;
- une **appropriation** : les habitants qui ont participé au diagnostic soutiennent plus volontiers le projet qui en découle ;
- des **relations de confiance** entre l’association, la commune, les services techniques et les groupements de producteurs.

### Les points de vigilance

Un diagnostic participatif prend du temps et suscite des attentes. Il faut annoncer dès le début ce qui sera fait des résultats, et rester honnête sur ce que l’association peut réellement porter.

Il faut aussi veiller à entendre ceux qui ne prennent pas facilement la parole en réunion publique : femmes rurales, jeunes sans emploi, personnes âgées, personnes en situation de handicap. Des réunions par groupe, à des heures et dans des lieux adaptés, sont souvent nécessaires.
`,
        },
      },
      {
        kind: 'page',
        title: { fr: 'Les outils du diagnostic', en: 'Diagnosis tools' },
        markdown: {
          fr: `## Une boîte à outils simple

**La carte du territoire.** Dessinée avec les habitants sur une grande feuille, elle situe les ressources (puits, terres, ateliers, écoles), les services et les zones à problème. Elle fait apparaître des différences de perception étonnantes entre groupes.

**Le calendrier saisonnier.** Mois par mois, il montre les périodes de travail agricole, de migration, de dépenses importantes (rentrée, fêtes) : indispensable pour programmer des activités auxquelles les gens pourront venir.

**Le diagramme des acteurs.** Des cercles plus ou moins grands, plus ou moins proches, représentent les institutions et les organisations selon leur importance et leur proximité avec la population.

**Les entretiens et les groupes de discussion.** Quelques questions ouvertes, posées à des groupes homogènes (femmes, jeunes, agriculteurs, artisans), complètent les outils visuels.

**La restitution.** Les résultats sont présentés lors d’une réunion publique, corrigés avec les participants, puis classés par priorité. Ce classement collectif est le point de départ du projet.

Conservez les photos des cartes et des calendriers : elles seront précieuses pour l’évaluation, quelques années plus tard, quand il faudra montrer ce qui a changé.
`,
        },
      },
    ],
  },
];

const GENDER_BUDGET_FR_MODULE = 'Budgétisation sensible au genre : les bases';
const VOLUNTEERS_MODULE = 'Accueillir et fidéliser les bénévoles';
const YOUTH_COUNCIL_MODULE = 'Créer un conseil local de jeunes';
const DIAGNOSIS_MODULE = 'Le diagnostic participatif de territoire';
const LOGFRAME_2019_MODULE = 'Le cadre logique pas à pas (édition 2019)';

/**
 * Where the demo members are. Percents follow from the lessons (required ones count; see
 * docs/DEMO.md): membre@ completed the governance module (certificate), is at 66 % of the
 * accountability one and has just opened the project cycle; amina@ is half-way through the
 * Arabic gender-budgeting module.
 */
export const DEMO_PROGRESS: DemoProgress[] = [
  // membre@pratique.tn
  { email: 'membre@pratique.tn', module: GOVERNANCE_MODULE, completed: [1, 2, 3, 5], startedDaysAgo: 50 }, // 100 %
  { email: 'membre@pratique.tn', module: ACCOUNTABILITY_MODULE, completed: [1, 2], startedDaysAgo: 20 }, // 66 %
  {
    email: 'membre@pratique.tn',
    module: PROJECT_CYCLE_MODULE,
    completed: [],
    inProgress: 1,
    startedDaysAgo: 2,
  }, // 0 %
  // amina@pratique.tn
  {
    email: 'amina@pratique.tn',
    module: GENDER_BUDGET_AR_MODULE,
    completed: [1, 2],
    inProgress: 3,
    startedDaysAgo: 12,
  }, // 50 %
  { email: 'amina@pratique.tn', module: SSE_AR_MODULE, completed: [1], startedDaysAgo: 5 }, // 33 %
  // sami@pratique.tn
  {
    email: 'sami@pratique.tn',
    module: PROJECT_CYCLE_MODULE,
    completed: [1],
    inProgress: 2,
    startedDaysAgo: 9,
  }, // 33 %
  // the wider community
  {
    email: 'mohamed.gharbi@demo.pratique.tn',
    module: GOVERNANCE_MODULE,
    completed: [1, 2, 3, 4, 5],
    failedQuizFirst: true,
    startedDaysAgo: 90,
  }, // 100 %
  {
    email: 'hela.baccouche@demo.pratique.tn',
    module: GOVERNANCE_MODULE,
    completed: [1, 2],
    inProgress: 3,
    startedDaysAgo: 30,
  }, // 50 %
  { email: 'mehdi.jebali@demo.pratique.tn', module: GOVERNANCE_MODULE, completed: [1], startedDaysAgo: 15 }, // 25 %
  {
    email: 'anis.khelifi@demo.pratique.tn',
    module: ACCOUNTABILITY_MODULE,
    completed: [1, 2, 3, 4],
    startedDaysAgo: 60,
  }, // 100 %
  {
    email: 'ines.hammami@demo.pratique.tn',
    module: ACCOUNTABILITY_MODULE,
    completed: [1],
    startedDaysAgo: 8,
  }, // 33 %
  {
    // Spread over the last seven weeks: the Tunis office's eligibility chart rises with her.
    email: 'ines.hammami@demo.pratique.tn',
    module: GOVERNANCE_MODULE,
    completed: [1, 2, 3, 5],
    startedDaysAgo: 49,
  }, // 100 %
  {
    email: 'anis.khelifi@demo.pratique.tn',
    module: LOGFRAME_2019_MODULE,
    completed: [1, 2],
    startedDaysAgo: 600,
  }, // 100 %, archived since
  {
    email: 'rania.ferchichi@demo.pratique.tn',
    module: PROJECT_CYCLE_MODULE,
    completed: [1, 2, 3, 4],
    startedDaysAgo: 70,
  }, // 100 %
  {
    email: 'zied.benyoussef@demo.pratique.tn',
    module: PROJECT_CYCLE_MODULE,
    completed: [1, 2],
    inProgress: 3,
    startedDaysAgo: 25,
  }, // 66 %
  {
    email: 'skander.ouertani@demo.pratique.tn',
    module: PROJECT_CYCLE_MODULE,
    completed: [1],
    startedDaysAgo: 18,
  }, // 33 %
  {
    email: 'salma.sassi@demo.pratique.tn',
    module: GENDER_BUDGET_FR_MODULE,
    completed: [1, 2, 3],
    failedQuizFirst: true,
    startedDaysAgo: 80,
  }, // 100 %
  {
    email: 'fatma.haddad@demo.pratique.tn',
    module: GENDER_BUDGET_FR_MODULE,
    completed: [1],
    startedDaysAgo: 10,
  }, // 33 %
  {
    email: 'mariem.zouari@demo.pratique.tn',
    module: GENDER_BUDGET_FR_MODULE,
    completed: [1, 2],
    startedDaysAgo: 14,
  }, // 66 %
  {
    email: 'mariem.zouari@demo.pratique.tn',
    module: GENDER_BUDGET_AR_MODULE,
    completed: [1, 2, 3, 4],
    startedDaysAgo: 60,
  }, // 100 %
  {
    email: 'salma.sassi@demo.pratique.tn',
    module: GENDER_BUDGET_AR_MODULE,
    completed: [1],
    startedDaysAgo: 7,
  }, // 25 %
  {
    email: 'hichem.ayari@demo.pratique.tn',
    module: VOLUNTEERS_MODULE,
    completed: [1, 2, 4],
    startedDaysAgo: 45,
  }, // 100 %
  {
    email: 'nour.chaabane@demo.pratique.tn',
    module: VOLUNTEERS_MODULE,
    completed: [1, 2, 3],
    inProgress: 4,
    startedDaysAgo: 20,
  }, // 66 %
  { email: 'fatma.haddad@demo.pratique.tn', module: VOLUNTEERS_MODULE, completed: [1], startedDaysAgo: 6 }, // 33 %
  {
    email: 'nour.chaabane@demo.pratique.tn',
    module: YOUTH_COUNCIL_MODULE,
    completed: [1, 2],
    startedDaysAgo: 30,
  }, // 100 %
  { email: 'hichem.ayari@demo.pratique.tn', module: YOUTH_COUNCIL_MODULE, completed: [1], startedDaysAgo: 4 }, // 50 %
  {
    email: 'mariem.zouari@demo.pratique.tn',
    module: SSE_AR_MODULE,
    completed: [1, 2, 3],
    startedDaysAgo: 40,
  }, // 100 %
  {
    email: 'hichem.ayari@demo.pratique.tn',
    module: DIAGNOSIS_MODULE,
    completed: [1],
    inProgress: 2,
    startedDaysAgo: 3,
  }, // 50 %
];

// ---------------------------------------------------------------------------------------------
// Seminars and workshops of the regional offices, and who registered
// ---------------------------------------------------------------------------------------------

/** A registration as the API would have left it; `daysAgo` orders the queue (earliest first). */
export interface DemoRegistration {
  email: string;
  status: 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'declined' | 'attended' | 'no_show';
  daysAgo: number;
  /** Attended by scanning the check-in code (otherwise marked by staff afterwards). */
  checkedIn?: boolean;
}

/** A time of day in Tunisia (UTC+1, no daylight saving), `dayOffset` days from the day of seeding. */
export interface DemoMoment {
  dayOffset: number;
  /** "HH:MM", local time. */
  at: string;
}

/**
 * A seminar or workshop. Natural key: (region, title in French). Dates are relative to the day
 * of the first seeding, so a fresh demo always has something next week and something past.
 */
export interface DemoSeminar {
  region: string;
  kind: 'seminar' | 'workshop';
  originalLanguage: Language;
  title: Required<LocalizedText>;
  description: Required<LocalizedText>;
  venue: string;
  address: string;
  onlineUrl?: string;
  starts: DemoMoment;
  ends: DemoMoment;
  registrationOpens: DemoMoment;
  registrationCloses: DemoMoment;
  capacity: number;
  audience: 'region' | 'organisations' | 'space';
  /** Organisation names, for the `organisations` audience. */
  organisations?: string[];
  /** Space slug: the space the seminar belongs to (required for the `space` audience). */
  space?: string;
  requiresConfirmation?: boolean;
  status: 'draft' | 'open' | 'closed' | 'cancelled' | 'done';
  /** k of the requirements (modules by their key: title in their original language). */
  rule: { k: number; requirements: Array<{ module: string; minPercent: number }> };
  /** Staff member (or admin) who created it. */
  createdBy: string;
  createdDaysAgo: number;
  registrations: DemoRegistration[];
}

/** The 2-of-3 seminar on which membre@ is one requirement away (and amina@, salma@ too). */
export const TWO_OF_THREE_SEMINAR = 'Séminaire : gouvernance associative et budget sensible au genre';
/** The 3-seat workshop, full, with amina@ first on the waiting list. */
export const FULL_WORKSHOP = 'Atelier : vendre l’artisanat des femmes rurales en circuit solidaire';

/** The Tunis 2-of-3 workshop membre@ is one lesson away from (accountability at 66 %, 100 % needed). */
export const WITHIN_REACH_WORKSHOP = 'Atelier : lire et suivre le budget de sa commune';
/** The Tunis seminar that ended twelve days ago with its attendance still to mark. */
export const ATTENDANCE_TO_MARK_SEMINAR = 'Journée d’échange : publier ses comptes et rendre compte';

const STAFF_TUNIS = 'staff.tunis@pratique.tn';
const STAFF_SFAX = 'staff.sfax@pratique.tn';
const ADMIN = 'admin@pratique.tn';

/**
 * Ten seminars and workshops (docs/DEMO.md "Seminars"). Who is where follows from the
 * members' percents in DEMO_PROGRESS: membre@ (governance 100 %, accountability 66 %, project
 * cycle 0 %) is confirmed in Tunis, eligible but not registered for next week's workshop, one
 * lesson away from the Tunis 2-of-3 budget workshop and one requirement away on the Sousse
 * 2-of-3 seminar; amina@ waits for a seat in the full workshop. staff.tunis@ has a seminar that
 * ended with its attendance still to mark.
 */
export const DEMO_SEMINARS: DemoSeminar[] = [
  {
    region: 'tunis',
    kind: 'seminar',
    originalLanguage: 'fr',
    title: {
      fr: 'Séminaire régional : redevabilité et transparence des associations',
      ar: 'ندوة جهوية: المساءلة والشفافية في الجمعيات',
      en: 'Regional seminar: accountability and transparency of associations',
    },
    description: {
      fr: 'Une journée pour passer du module en ligne à la pratique : publier ses comptes et ses financements, rendre compte à l’assemblée générale et aux partenaires, prévenir les conflits d’intérêts. Études de cas apportées par les participants, puis travail en petits groupes. Réservé à celles et ceux qui ont terminé le module « Gouvernance associative : les fondamentaux ».',
      ar: 'يوم للانتقال من الوحدة التكوينية عن بعد إلى الممارسة: نشر الحسابات ومصادر التمويل، تقديم الحساب للجلسة العامة وللشركاء، والوقاية من تضارب المصالح. دراسات حالة يقدّمها المشاركون ثم عمل في مجموعات صغيرة. مخصّص لمن أتمّ وحدة « الحوكمة الجمعياتية: الأساسيات ».',
      en: 'A day to put the online module into practice: publishing accounts and funding, reporting to the general assembly and to partners, preventing conflicts of interest. Case studies brought by the participants, then work in small groups. For those who completed the module “Governance of associations: the fundamentals”.',
    },
    venue: 'Centre culturel Ibn Khaldoun',
    address: '5 rue Ibn Khaldoun, 1000 Tunis',
    starts: { dayOffset: 21, at: '09:00' },
    ends: { dayOffset: 21, at: '16:30' },
    registrationOpens: { dayOffset: -10, at: '09:00' },
    registrationCloses: { dayOffset: 18, at: '18:00' },
    capacity: 30,
    audience: 'region',
    status: 'open',
    rule: { k: 1, requirements: [{ module: GOVERNANCE_MODULE, minPercent: 100 }] },
    createdBy: STAFF_TUNIS,
    createdDaysAgo: 12,
    registrations: [
      { email: 'mohamed.gharbi@demo.pratique.tn', status: 'confirmed', daysAgo: 8 },
      { email: 'membre@pratique.tn', status: 'confirmed', daysAgo: 4 },
    ],
  },
  {
    region: 'tunis',
    kind: 'workshop',
    originalLanguage: 'fr',
    title: {
      fr: 'Atelier pratique : observer une séance du conseil municipal',
      ar: 'ورشة تطبيقية: ملاحظة جلسة المجلس البلدي',
      en: 'Hands-on workshop: observing a municipal council session',
    },
    description: {
      fr: 'Préparer une observation (ordre du jour, demande d’accès à l’information), remplir la grille d’observation pendant une séance simulée, puis rédiger une note de synthèse publiable. Ouvert aux membres ayant atteint la moitié d’un des deux modules de l’espace « Gouvernance locale et redevabilité ». Les inscriptions ferment bientôt.',
      ar: 'التحضير للملاحظة (جدول الأعمال، مطلب النفاذ إلى المعلومة)، تعمير شبكة الملاحظة خلال جلسة محاكاة، ثم تحرير مذكرة تأليفية قابلة للنشر. مفتوحة للأعضاء الذين بلغوا نصف إحدى وحدتي فضاء « الحوكمة المحلية والمساءلة ». التسجيل يُغلق قريبا.',
      en: 'Preparing an observation (agenda, access-to-information request), filling in the observation grid during a mock session, then writing a publishable summary note. Open to members half-way through one of the two modules of the “Local governance and accountability” space. Registration closes soon.',
    },
    venue: 'Maison des associations de Tunis',
    address: '12 rue d’Angleterre, 1000 Tunis',
    starts: { dayOffset: 6, at: '14:00' },
    ends: { dayOffset: 6, at: '17:30' },
    registrationOpens: { dayOffset: -14, at: '09:00' },
    registrationCloses: { dayOffset: 2, at: '18:00' },
    capacity: 20,
    audience: 'region',
    space: 'gouvernance-locale',
    status: 'open',
    rule: {
      k: 1,
      requirements: [
        { module: ACCOUNTABILITY_MODULE, minPercent: 50 },
        { module: GOVERNANCE_MODULE, minPercent: 50 },
      ],
    },
    createdBy: STAFF_TUNIS,
    createdDaysAgo: 15,
    registrations: [{ email: 'mohamed.gharbi@demo.pratique.tn', status: 'confirmed', daysAgo: 11 }],
  },
  {
    region: 'sfax',
    kind: 'seminar',
    originalLanguage: 'fr',
    title: {
      fr: 'Séminaire régional : mobiliser et fidéliser les jeunes bénévoles',
      ar: 'ندوة جهوية: تعبئة المتطوعين الشبان والمحافظة عليهم',
      en: 'Regional seminar: mobilising and retaining young volunteers',
    },
    description: {
      fr: 'Associations de jeunes, maisons des jeunes et conseils locaux échangent leurs pratiques : parcours d’accueil, reconnaissance des bénévoles, passage de relais. Le bureau régional confirme chaque inscription pour garder un équilibre entre les délégations du gouvernorat.',
      ar: 'تتبادل جمعيات الشباب ودور الشباب والمجالس المحلية تجاربها: مسار الاستقبال، الاعتراف بالمتطوعين، تسليم المشعل. يؤكّد المكتب الجهوي كل تسجيل للحفاظ على توازن بين معتمديات الولاية.',
      en: 'Youth associations, youth centres and local councils share their practices: onboarding, recognising volunteers, handing over. The regional office confirms each registration to keep a balance between the governorate’s delegations.',
    },
    venue: 'Centre culturel de Sfax El Jadida',
    address: 'Avenue Habib Bourguiba, 3027 Sfax',
    starts: { dayOffset: 28, at: '09:00' },
    ends: { dayOffset: 28, at: '16:00' },
    registrationOpens: { dayOffset: -7, at: '09:00' },
    registrationCloses: { dayOffset: 21, at: '18:00' },
    capacity: 15,
    audience: 'region',
    space: 'participation-jeunes-sfax',
    requiresConfirmation: true,
    status: 'open',
    rule: {
      k: 1,
      requirements: [
        { module: VOLUNTEERS_MODULE, minPercent: 50 },
        { module: YOUTH_COUNCIL_MODULE, minPercent: 50 },
      ],
    },
    createdBy: STAFF_SFAX,
    createdDaysAgo: 9,
    registrations: [
      { email: 'hichem.ayari@demo.pratique.tn', status: 'confirmed', daysAgo: 6 },
      { email: 'nour.chaabane@demo.pratique.tn', status: 'pending', daysAgo: 2 },
    ],
  },
  {
    region: 'kairouan',
    kind: 'workshop',
    originalLanguage: 'ar',
    title: {
      ar: 'ورشة: تسويق منتوجات الحرفيات الريفيات في مسالك تضامنية',
      fr: FULL_WORKSHOP,
      en: 'Workshop: selling rural women’s crafts through solidarity channels',
    },
    description: {
      ar: 'ورشة مصغّرة مع تعاونية حرفيات من حاجب العيون: تحديد السعر العادل، التغليف، البيع في الأسواق التضامنية وعبر الإنترنت. مخصّصة للجمعيات الشريكة في برنامج الاقتصاد الاجتماعي والتضامني بالقيروان. ثلاثة مقاعد فقط، مع قائمة انتظار.',
      fr: 'Un atelier en petit comité avec une coopérative d’artisanes de Hajeb El Ayoun : fixer un prix juste, emballer, vendre sur les marchés solidaires et en ligne. Réservé aux associations partenaires du programme d’économie sociale et solidaire de Kairouan. Trois places seulement, avec liste d’attente.',
      en: 'A small-group workshop with a cooperative of craftswomen from Hajeb El Ayoun: setting a fair price, packaging, selling at solidarity markets and online. For the partner associations of the Kairouan social and solidarity economy programme. Three seats only, with a waiting list.',
    },
    venue: 'Maison de la culture Assad Ibn Al Fourat',
    address: 'Avenue de la République, 3100 Kairouan',
    starts: { dayOffset: 14, at: '09:30' },
    ends: { dayOffset: 14, at: '13:00' },
    registrationOpens: { dayOffset: -12, at: '09:00' },
    registrationCloses: { dayOffset: 11, at: '18:00' },
    capacity: 3,
    audience: 'organisations',
    organisations: [
      'Association Tunisienne des Femmes Rurales',
      'Association Kairouan pour le Développement Local',
      'Collectif Sfax Solidaire',
    ],
    space: 'developpement-local-kairouan',
    status: 'open',
    rule: { k: 0, requirements: [] },
    createdBy: ADMIN,
    createdDaysAgo: 13,
    registrations: [
      { email: 'mariem.zouari@demo.pratique.tn', status: 'confirmed', daysAgo: 11 },
      { email: 'oussama.dridi@demo.pratique.tn', status: 'confirmed', daysAgo: 10 },
      { email: 'hichem.ayari@demo.pratique.tn', status: 'confirmed', daysAgo: 8 },
      { email: 'amina@pratique.tn', status: 'waitlisted', daysAgo: 5 },
      { email: 'rania.ferchichi@demo.pratique.tn', status: 'waitlisted', daysAgo: 3 },
    ],
  },
  {
    region: 'sousse',
    kind: 'seminar',
    originalLanguage: 'fr',
    title: {
      fr: TWO_OF_THREE_SEMINAR,
      ar: 'ندوة: الحوكمة الجمعياتية والميزانية المراعية للنوع الاجتماعي',
      en: 'Seminar: governance of associations and gender-responsive budgeting',
    },
    description: {
      fr: 'Pour les membres de l’espace « Égalité femmes-hommes » : comment le bureau, l’assemblée générale et le budget d’une association font (ou non) une place aux femmes. Ouvert à qui a fait au moins la moitié de deux des trois modules : gouvernance associative, budgétisation sensible au genre (français) ou son équivalent en arabe.',
      ar: 'لأعضاء فضاء « المساواة بين النساء والرجال »: كيف يفسح المكتب والجلسة العامة وميزانية الجمعية (أو لا يفسحون) المجال للنساء. مفتوحة لمن أنجز على الأقل نصف وحدتين من الوحدات الثلاث: الحوكمة الجمعياتية، الميزانية المراعية للنوع الاجتماعي (بالفرنسية) أو ما يعادلها بالعربية.',
      en: 'For the members of the “Gender equality” space: how an association’s board, general assembly and budget make room (or not) for women. Open to those who did at least half of two of the three modules: governance of associations, gender-responsive budgeting (French) or its Arabic counterpart.',
    },
    venue: 'Salle de conférences du Bureau régional de Sousse',
    address: '21 rue Ali Belhouane, 4000 Sousse',
    starts: { dayOffset: 35, at: '09:00' },
    ends: { dayOffset: 35, at: '17:00' },
    registrationOpens: { dayOffset: -3, at: '09:00' },
    registrationCloses: { dayOffset: 30, at: '18:00' },
    capacity: 25,
    audience: 'space',
    space: 'egalite-femmes-hommes',
    status: 'open',
    rule: {
      k: 2,
      requirements: [
        { module: GOVERNANCE_MODULE, minPercent: 50 },
        { module: GENDER_BUDGET_FR_MODULE, minPercent: 50 },
        { module: GENDER_BUDGET_AR_MODULE, minPercent: 50 },
      ],
    },
    createdBy: ADMIN,
    createdDaysAgo: 4,
    registrations: [{ email: 'mariem.zouari@demo.pratique.tn', status: 'confirmed', daysAgo: 1 }],
  },
  {
    region: 'sfax',
    kind: 'seminar',
    originalLanguage: 'fr',
    title: {
      fr: 'Séminaire régional : du diagnostic au cadre logique',
      ar: 'ندوة جهوية: من التشخيص إلى الإطار المنطقي',
      en: 'Regional seminar: from diagnosis to logical framework',
    },
    description: {
      fr: 'Chaque association est venue avec un projet en cours : arbre à problèmes, objectifs, cadre logique et indicateurs SMART, relus en binôme puis présentés au groupe. Ouvert aux membres de l’espace « Gestion de projet associatif » ayant commencé le module sur le cycle de projet. Séminaire passé, présences relevées.',
      ar: 'جاءت كل جمعية بمشروع جارٍ: شجرة المشاكل، الأهداف، الإطار المنطقي ومؤشرات SMART، تمت مراجعتها ثنائيا ثم عرضها على المجموعة. مفتوحة لأعضاء فضاء « تسيير المشاريع الجمعياتية » الذين بدؤوا وحدة دورة المشروع. ندوة منقضية، تم تسجيل الحضور.',
      en: 'Each association came with a project under way: problem tree, objectives, logical framework and SMART indicators, reviewed in pairs then presented to the group. Open to the members of the “Project management” space who started the project-cycle module. Past seminar, attendance taken.',
    },
    venue: 'Maison des jeunes de Sakiet Ezzit',
    address: 'Route de Tunis km 7, 3021 Sakiet Ezzit, Sfax',
    starts: { dayOffset: -9, at: '09:00' },
    ends: { dayOffset: -9, at: '16:00' },
    registrationOpens: { dayOffset: -40, at: '09:00' },
    registrationCloses: { dayOffset: -11, at: '18:00' },
    capacity: 20,
    audience: 'space',
    space: 'gestion-de-projet',
    status: 'done',
    rule: { k: 1, requirements: [{ module: PROJECT_CYCLE_MODULE, minPercent: 30 }] },
    createdBy: STAFF_SFAX,
    createdDaysAgo: 42,
    registrations: [
      { email: 'rania.ferchichi@demo.pratique.tn', status: 'attended', daysAgo: 35, checkedIn: true },
      { email: 'zied.benyoussef@demo.pratique.tn', status: 'attended', daysAgo: 16 },
      { email: 'skander.ouertani@demo.pratique.tn', status: 'cancelled', daysAgo: 14 },
      { email: 'sami@pratique.tn', status: 'no_show', daysAgo: 12 },
    ],
  },
  {
    region: 'tunis',
    kind: 'seminar',
    originalLanguage: 'fr',
    title: {
      fr: 'Séminaire : documenter les violations et protéger les données des victimes',
      ar: 'ندوة: توثيق الانتهاكات وحماية معطيات الضحايا',
      en: 'Seminar: documenting violations and protecting victims’ data',
    },
    description: {
      fr: 'En préparation avec l’espace « Droits humains » : recueillir un témoignage avec le consentement éclairé de la personne, anonymiser, conserver et partager les données en sécurité. Programme et intervenants à confirmer avant l’ouverture des inscriptions.',
      ar: 'قيد الإعداد مع فضاء « حقوق الإنسان »: جمع الشهادات بموافقة مستنيرة من الشخص المعني، إخفاء الهوية، حفظ المعطيات وتقاسمها بأمان. يُؤكَّد البرنامج والمتدخلون قبل فتح التسجيل.',
      en: 'Being prepared with the “Human rights” space: collecting a testimony with the person’s informed consent, anonymising, storing and sharing data safely. Programme and speakers to be confirmed before registration opens.',
    },
    venue: 'Hôtel Majestic, salle Carthage',
    address: '36 avenue de Paris, 1000 Tunis',
    starts: { dayOffset: 56, at: '09:00' },
    ends: { dayOffset: 57, at: '13:00' },
    registrationOpens: { dayOffset: 21, at: '09:00' },
    registrationCloses: { dayOffset: 49, at: '18:00' },
    capacity: 18,
    audience: 'space',
    space: 'droits-humains',
    status: 'draft',
    rule: { k: 1, requirements: [{ module: ACCOUNTABILITY_MODULE, minPercent: 50 }] },
    createdBy: STAFF_TUNIS,
    createdDaysAgo: 2,
    registrations: [],
  },
  {
    region: 'tunis',
    kind: 'workshop',
    originalLanguage: 'fr',
    title: {
      fr: WITHIN_REACH_WORKSHOP,
      ar: 'ورشة: قراءة ميزانية البلدية ومتابعتها',
      en: 'Workshop: reading and monitoring your municipality’s budget',
    },
    description: {
      fr: 'Lire le budget de sa commune ligne par ligne, repérer les écarts entre prévisions et réalisations, préparer des questions pour la séance budgétaire. Ouvert à qui a atteint deux des trois exigences : les modules « Redevabilité » et « Gouvernance associative » terminés, ou la moitié du module sur le cycle de projet.',
      ar: 'قراءة ميزانية البلدية سطرا بسطر، رصد الفوارق بين التقديرات والإنجازات، وإعداد أسئلة لجلسة الميزانية. مفتوحة لمن استوفى شرطين من الشروط الثلاثة: إتمام وحدتي « المساءلة » و« الحوكمة الجمعياتية »، أو نصف وحدة دورة المشروع.',
      en: 'Reading your municipality’s budget line by line, spotting the gaps between forecasts and actual spending, preparing questions for the budget session. Open to those who meet two of the three requirements: the “Accountability” and “Governance of associations” modules completed, or half of the project-cycle module.',
    },
    venue: 'Maison des associations de Tunis',
    address: '12 rue d’Angleterre, 1000 Tunis',
    starts: { dayOffset: 24, at: '09:00' },
    ends: { dayOffset: 24, at: '13:00' },
    registrationOpens: { dayOffset: -5, at: '09:00' },
    registrationCloses: { dayOffset: 20, at: '18:00' },
    capacity: 25,
    audience: 'region',
    space: 'gouvernance-locale',
    status: 'open',
    rule: {
      k: 2,
      requirements: [
        { module: ACCOUNTABILITY_MODULE, minPercent: 100 },
        { module: GOVERNANCE_MODULE, minPercent: 100 },
        { module: PROJECT_CYCLE_MODULE, minPercent: 50 },
      ],
    },
    createdBy: STAFF_TUNIS,
    createdDaysAgo: 6,
    registrations: [],
  },
  {
    region: 'tunis',
    kind: 'seminar',
    originalLanguage: 'fr',
    title: {
      fr: ATTENDANCE_TO_MARK_SEMINAR,
      ar: 'يوم تبادل: نشر الحسابات وتقديم الحساب',
      en: 'Exchange day: publishing accounts and reporting back',
    },
    description: {
      fr: 'Une journée entre associations de la région pour comparer leurs pratiques de publication des comptes et de compte rendu aux adhérents. Séminaire passé : le bureau régional n’a pas encore relevé les présences.',
      ar: 'يوم بين جمعيات الجهة لمقارنة ممارساتها في نشر الحسابات وتقديم الحساب للمنخرطين. ندوة منقضية: لم يسجّل المكتب الجهوي الحضور بعد.',
      en: 'A day for the region’s associations to compare how they publish their accounts and report back to their members. Past seminar: the regional office has not taken attendance yet.',
    },
    venue: 'Centre culturel Ibn Khaldoun',
    address: '5 rue Ibn Khaldoun, 1000 Tunis',
    starts: { dayOffset: -12, at: '09:00' },
    ends: { dayOffset: -12, at: '16:00' },
    registrationOpens: { dayOffset: -40, at: '09:00' },
    registrationCloses: { dayOffset: -14, at: '18:00' },
    capacity: 20,
    audience: 'region',
    space: 'gouvernance-locale',
    status: 'closed',
    rule: {
      k: 1,
      requirements: [
        { module: GOVERNANCE_MODULE, minPercent: 50 },
        { module: ACCOUNTABILITY_MODULE, minPercent: 50 },
      ],
    },
    createdBy: STAFF_TUNIS,
    createdDaysAgo: 41,
    registrations: [
      { email: 'mohamed.gharbi@demo.pratique.tn', status: 'confirmed', daysAgo: 30 },
      { email: 'ines.hammami@demo.pratique.tn', status: 'confirmed', daysAgo: 18 },
    ],
  },
  {
    region: 'gafsa',
    kind: 'workshop',
    originalLanguage: 'fr',
    title: {
      fr: 'Atelier : gestion partagée de l’eau dans les oasis',
      ar: 'ورشة: التصرف التشاركي في مياه الواحات',
      en: 'Workshop: shared water management in the oases',
    },
    description: {
      fr: 'Tours d’eau, groupements de développement agricole et conflits d’usage : un atelier de terrain dans l’oasis de Lalla. Annulé : les partenaires n’ont pas pu confirmer la visite de terrain, il sera reprogrammé à l’automne.',
      ar: 'دورات الري، مجامع التنمية الفلاحية وتضارب الاستعمالات: ورشة ميدانية في واحة لالة. أُلغيت: لم يتمكّن الشركاء من تأكيد الزيارة الميدانية، وستُبرمج من جديد في الخريف.',
      en: 'Water turns, agricultural development groups and conflicting uses: a field workshop in the Lalla oasis. Cancelled: the partners could not confirm the field visit; it will be rescheduled in the autumn.',
    },
    venue: 'Maison de la culture de Gafsa',
    address: 'Avenue Taïeb Mhiri, 2100 Gafsa',
    starts: { dayOffset: 18, at: '08:30' },
    ends: { dayOffset: 18, at: '15:00' },
    registrationOpens: { dayOffset: -20, at: '09:00' },
    registrationCloses: { dayOffset: 15, at: '18:00' },
    capacity: 20,
    audience: 'region',
    space: 'environnement-oasis-gafsa',
    status: 'cancelled',
    rule: {
      k: 1,
      requirements: [
        { module: GOVERNANCE_MODULE, minPercent: 50 },
        { module: PROJECT_CYCLE_MODULE, minPercent: 30 },
      ],
    },
    createdBy: ADMIN,
    createdDaysAgo: 22,
    registrations: [
      { email: 'hela.baccouche@demo.pratique.tn', status: 'confirmed', daysAgo: 10 },
      { email: 'sami@pratique.tn', status: 'confirmed', daysAgo: 6 },
    ],
  },
];
