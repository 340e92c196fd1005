/** A second briefing for the hot-reload tests: about something the first one never mentions. */
export const DAM_BRIEFING = `The Lumara Dam opens

The Lumara River dam was inaugurated on 3 March 2026 by the chief engineer Tavish Quennell, who said the reservoir would irrigate forty thousand hectares of farmland.

Local farmers welcomed the project, although fishermen downstream worried about the falling water level.
`;

/** A question only {@link DAM_BRIEFING} answers. */
export const DAM_QUESTION = "Who inaugurated the Lumara River dam?";
