import { describe, expect, it } from "vitest";
import { smallTalk } from "../../../src/rag/text/smalltalk.js";

describe("smallTalk", () => {
  it("reads a greeting, thanks or a call for help said alone, in English and Arabic, formal or dialect, with or without tanween", () => {
    expect(["hi", "Hello!", "hey there", "Good morning", "مرحبا", "مرحباً يا بوت", "أهلاً وسهلاً", "اهلين", "السلام عليكم ورحمة الله وبركاته", "صباح الخير"].map(smallTalk)).toEqual(
      Array(10).fill("greeting"),
    );
    expect(["thanks", "Thank you so much!!", "thx", "ok thanks", "thank u", "شكراً", "شكرا جزيلا", "شكراً جزيلاً", "مشكور", "تمام شكرا", "يعطيك العافية"].map(smallTalk)).toEqual(
      Array(11).fill("thanks"),
    );
    expect(["help", "HELP ME", "what can you do?", "who are you?", "مساعدة", "ساعدني", "من أنت؟"].map(smallTalk)).toEqual(Array(7).fill("help"));
  });

  it("reads an acknowledgement said alone (ok, lol, تمام): nothing asked, so no search and no declined question logged", () => {
    expect(["ok", "Okay!", "lol", "haha", "got it", "تمام", "طيب", "ماشي", "ههههه"].map(smallTalk)).toEqual(Array(9).fill("ack"));
    expect(smallTalk("ok thanks")).toBe("thanks");
    expect(smallTalk("ok hi")).toBe("greeting");
    // Asked, or a name: a question.
    for (const text of ["No?", "لا؟", "حسن", "حسن؟", "جميل", "Nice", "See?"]) expect(smallTalk(text), text).toBeUndefined();
  });

  it("takes the most telling kind of a mix: help over thanks over a greeting", () => {
    expect(smallTalk("hi there, thanks!")).toBe("thanks");
    expect(smallTalk("مرحبا، ساعدني")).toBe("help");
  });

  it("leaves anything that asks about something to the core, and an empty message or a filler alone", () => {
    // "ماذا تفعل؟" and "شو بتعمل؟" also ask what she does, "how does this work?" may ask about the briefing.
    for (const text of ["hi, who is Sison?", "help with Mali", "مساعدة الجزائر لمالي", "What is MINURSO?", "شكرا، ومتى؟", "ماذا تفعل؟", "شو بتعمل", "how does this work?", "", "👍", "bot", "يا", "ok, who is Sison?"]) {
      expect(smallTalk(text), text).toBeUndefined();
    }
  });
});
