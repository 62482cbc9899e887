// One seeded PRNG for the whole project: the ranking library's mulberry32.
export { mulberry32 } from '@devzone/ranking';
