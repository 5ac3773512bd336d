// Step 1 of the application: the service's eligibility questions (content), yes or no each.
import { FormField as Field } from '../../components/FormField';
import type { ServiceRules } from '../../lib/rules/application';
import type { FieldErrors } from '../../lib/validation/errors';

export function EligibilityStep(props: {
  questions: ServiceRules['questions'];
  answers: Record<string, string>;
  errors: FieldErrors;
  onAnswer: (id: string, value: 'ya' | 'tidak') => void;
  onNext: () => void;
}) {
  const { questions, answers, errors, onAnswer, onNext } = props;
  return (
    <form onSubmit={(e) => (e.preventDefault(), onNext())} noValidate>
      {questions.length === 0 && <p>Layanan ini dapat diajukan oleh siapa pun yang memenuhi persyaratan di halaman layanan.</p>}
      {questions.map((q) => (
        <Field key={q.id} id={`kelayakan_${q.id}`} error={errors[`kelayakan_${q.id}`]} legend={q.question}>
          <div class="radios">
            {(['ya', 'tidak'] as const).map((value, i) => (
              <label key={value} class="radio">
                <input
                  type="radio"
                  id={i === 0 ? `f-kelayakan_${q.id}` : undefined}
                  name={`kelayakan_${q.id}`}
                  value={value}
                  checked={answers[q.id] === value}
                  onChange={() => onAnswer(q.id, value)}
                />
                {value === 'ya' ? 'Ya' : 'Tidak'}
              </label>
            ))}
          </div>
        </Field>
      ))}
      <button class="button" type="submit">
        Lanjut
      </button>
    </form>
  );
}
