import { describe, expect, it } from "vitest";
import { questionType, sentenceHolds } from "../../../src/rag/text/question-type.js";

const flags = (q: string): string[] => Object.entries(questionType(q)).filter(([, v]) => v).map(([k]) => k);

describe("questionType", () => {
  it.each([
    ["How many people live in Fresno?", ["quantity"]],
    ["What percentage of the land is forest?", ["quantity"]],
    ["When did Luther die?", ["time"]],
    ["In which year was the treaty signed?", ["time"]],
    ["Who won Super Bowl 50?", ["person"]],
    ["Where is the capital?", ["place"]],
    ["What is the capital of France?", []],
    ["كم عدد سكان المدينة؟", ["quantity"]],
    ["متى توفي لوثر؟", ["time"]],
    ["في أيِّ عامٍ وُقِّعت الاتفاقية؟", ["time"]],
    ["من هو المبعوث الشخصي؟", ["person"]],
    ["مين اللي زار الجزائر؟", ["person"]],
    ["أين تقع فريسنو؟", ["place"]],
    ["من أين جاء الوفد؟", ["place"]],
    ["ما هي عاصمة فرنسا؟", []],
  ])("%s -> %j", (question, expected) => {
    expect(flags(question)).toEqual(expected);
  });
});

describe("sentenceHolds", () => {
  it("finds numbers in either digit system and years or months as dates", () => {
    expect(sentenceHolds("It has 12 members.")).toEqual({ number: true, date: false });
    expect(sentenceHolds("وقع في عام ٢٠١٥")).toEqual({ number: true, date: true });
    expect(sentenceHolds("زارت الجزائر في يناير")).toEqual({ number: false, date: true });
    expect(sentenceHolds("No figures here.")).toEqual({ number: false, date: false });
  });

  it("finds numbers written as words, with their clitics, but not inside other words", () => {
    expect(sentenceHolds("The region spans nine countries.").number).toBe(true);
    expect(sentenceHolds("وتتضمن هذه المنطقة أراضٍ تابعة لـ تسع دول.").number).toBe(true);
    expect(sentenceHolds("وأربعة مرات أجبر الخصم على ارتكاب أخطاء").number).toBe(true);
    expect(sentenceHolds("زارت وست دول أخرى").number).toBe(true);
    expect(sentenceHolds("وصل في الثلاثين من عمره").number).toBe(true);
    for (const thousand of ["بيع بألف دينار", "وآلاف الجرحى", "بآلاف الدولارات", "قتل وألف شخص", "دفع بألفين"]) {
      expect(sentenceHolds(thousand).number, thousand).toBe(true);
    }
    expect(sentenceHolds("استخدام الأساليب").number).toBe(false); // ست only inside a word
    expect(sentenceHolds("Often the tenth attempt works.").number).toBe(false);
  });

  it("does not take words that contain a number word after what looks like a clitic for numbers", () => {
    for (const words of ["اجتمع المجلس يوم الاثنين", "زادت كمية الأمطار", "زادت كميات الأمطار", "لست متأكدا", "جاءت الست", "وجدوا ميتين"]) {
      expect(sentenceHolds(words).number, words).toBe(false);
    }
  });
});
