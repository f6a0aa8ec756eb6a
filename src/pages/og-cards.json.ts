/** The cards the build renders after the pages are written (read and removed by the integration). */
import type { APIRoute } from 'astro';
import { cardJobs } from '../data/og.ts';

export const GET: APIRoute = () => new Response(JSON.stringify({ cards: cardJobs }));
