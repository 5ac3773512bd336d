import { toMinutes } from '../duration';

// Stages of a request, from its SOP: consecutive steps with the same `stage` form one stage,
// and its standard time is the sum of their step times. The tracking page, the staff due
// dates and the SOP page all read stages through this one function.

export interface StepLike {
  stage?: string | undefined;
  time: { value: number; unit: 'menit' | 'jam' | 'hari kerja' } | null;
  /** The SOP says the step's calendar time cannot be foreseen (e.g. a field visit). */
  unpredictable?: boolean | undefined;
}

export interface Stage {
  /** Status id (content/reference/statuses.yaml). */
  status: string;
  /** Standard working minutes of the stage. */
  minutes: number;
  /** Indexes of the SOP steps in this stage. */
  steps: number[];
  /**
   * Whether the SOP fixes the stage's time: every step has a time and none is unpredictable.
   * A stage that is not timed gets no due date and is never flagged late.
   */
  timed: boolean;
}

/**
 * The stages of an SOP's steps. `firstStage` is the status a request starts in (the one meaning
 * "initial" in content/reference/statuses.yaml): the stage of the steps before any names one.
 */
export function sopStages(steps: readonly StepLike[], firstStage: string): Stage[] {
  const stages: Stage[] = [];
  let current = firstStage;
  steps.forEach((step, index) => {
    current = step.stage ?? current;
    const minutes = step.time ? toMinutes(step.time) : 0;
    const timed = step.time !== null && !step.unpredictable;
    const last = stages[stages.length - 1];
    if (last && last.status === current) {
      last.minutes = Math.round((last.minutes + minutes) * 100) / 100;
      last.steps.push(index);
      last.timed &&= timed;
    } else {
      stages.push({ status: current, minutes, steps: [index], timed });
    }
  });
  return stages;
}
