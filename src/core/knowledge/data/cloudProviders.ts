import type { CloudProvider } from '../schema';

/**
 * Fleet-wide Power Usage Effectiveness (PUE) of the three large clouds, as each provider publishes it.
 *
 * PUE = total facility energy / IT equipment energy (dimensionless, >= 1). Multiply the IT (accelerator,
 * CPU, memory) energy by it to get the facility energy a run is responsible for. These are provider-wide
 * annual averages; individual sites range lower and higher (noted in each source string).
 */
export const CLOUD_PROVIDERS: readonly CloudProvider[] = [
  {
    id: 'aws',
    displayName: 'Amazon Web Services',
    pue: 1.15,
    year: 2024,
    source:
      'AWS Sustainability, "Sustainable infrastructure / data centers" page and Amazon 2024 Sustainability Report: "In 2024, AWS data centers reported a global PUE of 1.15", best site 1.04 (Europe); aws.amazon.com/sustainability/data-centers. The 2023 figure, first disclosed at re:Invent 2024, was also 1.15; Amazon reports 1.14 for 2025 (sustainability.aboutamazon.com/products-services/the-cloud).',
  },
  {
    id: 'gcp',
    displayName: 'Google Cloud',
    pue: 1.1,
    year: 2023,
    source:
      'Google 2024 Environmental Report: "In 2023, the average annual power usage effectiveness for our data centers was 1.10" (fleet-wide, Google-owned and -operated data centers); blog.google/outreach-initiatives/sustainability/2024-environmental-report and google.com/about/datacenters/efficiency',
  },
  {
    id: 'azure',
    displayName: 'Microsoft Azure',
    pue: 1.18,
    year: 2022,
    source:
      'Microsoft, "Measuring datacenter energy and water use to improve Microsoft Cloud sustainability" (datacenters.microsoft.com/sustainability/efficiency) and N. Walsh, Azure blog, Apr 2022, "How Microsoft measures datacenter water and energy use": global fleet average PUE 1.18; newest-generation datacenters are designed for 1.12 (averages also reported by DatacenterDynamics, Dec 2024)',
  },
];
