/** A second briefing for the hot-reload tests: about something the first one never mentions. */
export const DAM_BRIEFING = `The Lumara Dam opens

The Lumara River dam was inaugurated on 3 March 2026 by the chief engineer Tavish Quennell, who said the reservoir would irrigate forty thousand hectares of farmland.

Local farmers welcomed the project, although fishermen downstream worried about the falling water level.
`;

/** A question only {@link DAM_BRIEFING} answers. */
export const DAM_QUESTION = "Who inaugurated the Lumara River dam?";

/**
 * An article about as long as the first briefing (32 sentences) on another topic: beside it the briefings count as
 * several articles (see DeclineScope), where {@link DAM_BRIEFING} is only a note beside the first.
 */
export const DAM_ARTICLE = Array.from(
  { length: 16 },
  (_, i) => `Turbine ${i + 1} of the Lumara dam gives ${10 * (i + 1)} megawatts to the valley.\n\nIts engineers inspect turbine ${i + 1} each spring.`,
).join("\n\n");

/**
 * A second briefing close to the first in words: it answers "Which agreement did Norway mediate?" better when read
 * alone, where the first answers the follow-up "Which agreement did it mediate?" after a question on Algeria.
 */
export const OSLO_BRIEFING =
  "# Oslo\n\nNorway mediated the agreement signed in Oslo in 1993. Which agreement did Norway mediate? The Oslo agreement, after secret talks.\n";
