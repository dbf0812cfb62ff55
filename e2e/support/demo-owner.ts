/** Who set up the demo organisation that demo journeys start from (support/global-setup.ts). */
export const DEMO_OWNER = {
  name: "Priya Kaya",
  email: "priya@nordwind.example",
  password: "a long demo password",
} as const;
