"use client";

import { useTranslations } from "next-intl";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { TPublicQuestion } from "@/lib/quiz/public-question";
import type { TAnswer } from "@/lib/quiz/schema";
import { CategorizeInput } from "./categorize-input";
import { ChoiceInput } from "./choice-input";
import { NextTokenInput } from "./next-token-input";
import { NumericInput } from "./numeric-input";
import { OrderingInput } from "./ordering-input";

type TProps = { question: TPublicQuestion; answer: TAnswer | undefined; serverError?: string; onChange: (answer: TAnswer) => void };

/** The input for one question, whatever its type; answers are plain data the server grades. */
export function QuestionInput({ question, answer, serverError, onChange }: TProps) {
  const t = useTranslations("quiz");
  const promptId = `${question.id}-prompt`;
  switch (question.type) {
    case "single_choice":
      return (
        <ChoiceInput
          name={question.id}
          labelledBy={promptId}
          options={question.options}
          multiple={false}
          selected={answer?.type === "single_choice" && answer.optionId ? [answer.optionId] : []}
          onChange={([optionId]) => onChange({ type: "single_choice", optionId: optionId ?? null })}
        />
      );
    case "multiple_select":
      return (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-slate-700">{t(`scoring_${question.scoring}`)}</p>
          <ChoiceInput
            name={question.id}
            labelledBy={promptId}
            options={question.options}
            multiple
            selected={answer?.type === "multiple_select" ? answer.optionIds : []}
            onChange={(optionIds) => onChange({ type: "multiple_select", optionIds })}
          />
        </div>
      );
    case "categorize":
      return (
        <CategorizeInput
          question={question}
          placements={answer?.type === "categorize" ? answer.placements : {}}
          onChange={(placements) => onChange({ type: "categorize", placements })}
        />
      );
    case "ordering":
      return <OrderingInput question={question} order={answer?.type === "ordering" ? answer.order : null} onChange={(order) => onChange({ type: "ordering", order })} />;
    case "numeric":
      return (
        <NumericInput
          id={`${question.id}-input`}
          value={answer?.type === "numeric" ? answer.text : ""}
          serverError={Boolean(serverError)}
          onChange={(text) => onChange({ type: "numeric", text })}
        />
      );
    case "short_text":
      return (
        <TextField
          label={t("shortTextLabel")}
          className="max-w-md"
          autoComplete="off"
          maxLength={500}
          value={answer?.type === "short_text" ? answer.text : ""}
          onChange={(event) => onChange({ type: "short_text", text: event.target.value })}
        />
      );
    case "next_token":
      return (
        <NextTokenInput
          question={question}
          value={answer?.type === "next_token" ? { candidateId: answer.candidateId, typed: answer.typed } : { candidateId: null, typed: "" }}
          onChange={(value) => onChange({ type: "next_token", ...value })}
        />
      );
    case "open":
      return (
        <TextArea
          label={t("openLabel")}
          help={t("openHelp")}
          maxLength={20_000}
          value={answer?.type === "open" ? answer.text : ""}
          onChange={(event) => onChange({ type: "open", text: event.target.value })}
        />
      );
  }
}

export function isAnswered(question: TPublicQuestion, answer: TAnswer | undefined): boolean {
  if (!answer) return false;
  switch (answer.type) {
    case "single_choice":
      return answer.optionId !== null;
    case "multiple_select":
      return answer.optionIds.length > 0;
    case "categorize":
      return question.type === "categorize" && question.items.every((item) => answer.placements[item.id]);
    case "ordering":
      return true;
    case "next_token":
      return answer.candidateId !== null || answer.typed.trim() !== "";
    default:
      return answer.text.trim() !== "";
  }
}
