/**
 * The demo organisation: Nordwind Logistics, a European logistics company of about 180
 * people. Later features add their own demo data beside this structure (OKRs, KPIs).
 */
export type DemoTeam = {
  name: string;
  kind: string;
  methodology: "okr" | "kpi" | "both";
  size: number;
  children?: DemoTeam[];
};

export const demoCompanyName = "Nordwind Logistics";
export const demoTimeZone = "Europe/Berlin";

/** `size` is the number of people in the team besides its lead. */
export const demoTree: DemoTeam = {
  name: demoCompanyName,
  kind: "company",
  methodology: "both",
  size: 2,
  children: [
    {
      name: "Operations",
      kind: "division",
      methodology: "both",
      size: 2,
      children: [
        {
          name: "Fleet",
          kind: "department",
          methodology: "kpi",
          size: 4,
          children: [
            { name: "Fleet Maintenance", kind: "squad", methodology: "kpi", size: 8 },
            { name: "Driver Planning", kind: "squad", methodology: "both", size: 7 },
          ],
        },
        {
          name: "Warehousing",
          kind: "department",
          methodology: "both",
          size: 4,
          children: [
            { name: "Hub Hamburg", kind: "squad", methodology: "kpi", size: 9 },
            { name: "Hub Rotterdam", kind: "squad", methodology: "kpi", size: 8 },
          ],
        },
        {
          name: "Last Mile",
          kind: "department",
          methodology: "both",
          size: 4,
          children: [
            { name: "Urban Delivery", kind: "squad", methodology: "both", size: 8 },
            { name: "Returns", kind: "squad", methodology: "okr", size: 6 },
          ],
        },
      ],
    },
    {
      name: "Commercial",
      kind: "division",
      methodology: "both",
      size: 2,
      children: [
        {
          name: "Sales",
          kind: "department",
          methodology: "both",
          size: 4,
          children: [
            { name: "Key Accounts", kind: "squad", methodology: "both", size: 7 },
            { name: "SME Sales", kind: "squad", methodology: "kpi", size: 8 },
          ],
        },
        { name: "Customer Success", kind: "department", methodology: "both", size: 9 },
        { name: "Marketing", kind: "department", methodology: "okr", size: 7 },
      ],
    },
    {
      name: "Technology",
      kind: "division",
      methodology: "okr",
      size: 2,
      children: [
        {
          name: "Platform Engineering",
          kind: "department",
          methodology: "okr",
          size: 3,
          children: [
            { name: "Tracking Squad", kind: "squad", methodology: "okr", size: 7 },
            { name: "Integrations Squad", kind: "squad", methodology: "okr", size: 7 },
          ],
        },
        { name: "Routing & Planning", kind: "department", methodology: "okr", size: 8 },
        { name: "Data & Analytics", kind: "department", methodology: "both", size: 7 },
      ],
    },
    {
      name: "Corporate Services",
      kind: "division",
      methodology: "kpi",
      size: 2,
      children: [
        { name: "Finance", kind: "department", methodology: "kpi", size: 8 },
        { name: "People & Culture", kind: "department", methodology: "both", size: 6 },
        { name: "Legal & Compliance", kind: "department", methodology: "kpi", size: 4 },
      ],
    },
  ],
};

export const firstNames = [
  "Anna",
  "Lukas",
  "Sofia",
  "Jonas",
  "Emma",
  "Finn",
  "Mia",
  "Noah",
  "Lea",
  "Elias",
  "Hanna",
  "Paul",
  "Clara",
  "Ben",
  "Lina",
  "Felix",
  "Marie",
  "Leon",
  "Ida",
  "Matteo",
  "Sara",
  "Oskar",
  "Julia",
  "Milan",
  "Nora",
  "Jan",
  "Emilia",
  "David",
  "Amira",
  "Tobias",
  "Zeynep",
  "Karim",
  "Maja",
  "Sven",
  "Ines",
  "Pieter",
  "Fenna",
  "Daan",
  "Ayla",
  "Niklas",
  "Greta",
  "Mats",
  "Yara",
  "Henrik",
  "Lotte",
  "Arjun",
  "Priya",
  "Tomasz",
];

export const lastNames = [
  "Berg",
  "Schulz",
  "Jansen",
  "Novak",
  "Fischer",
  "de Vries",
  "Hoffmann",
  "Kaya",
  "Meyer",
  "Visser",
  "Wagner",
  "Nowak",
  "Becker",
  "Bakker",
  "Koch",
  "Smit",
  "Richter",
  "Yilmaz",
  "Klein",
  "Mulder",
  "Wolf",
  "Dekker",
  "Neumann",
  "Brandt",
  "Haas",
  "Kowalski",
  "Vogel",
  "Peters",
  "Lange",
  "Kramer",
];

export const titlesByKind: Record<string, { lead: string; member: string[] }> = {
  company: { lead: "Chief Executive Officer", member: ["Chief of Staff", "Executive Assistant"] },
  division: { lead: "Managing Director", member: ["Business Partner", "Programme Manager"] },
  department: { lead: "Head of Department", member: ["Team Lead", "Senior Specialist", "Analyst"] },
  squad: {
    lead: "Squad Lead",
    member: ["Specialist", "Senior Specialist", "Coordinator", "Engineer", "Planner"],
  },
};
