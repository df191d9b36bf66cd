/**
 * The learning the extraction models share: logistic regressions over sparse binary features, one per
 * label, trained by stochastic gradient descent with L2 shrinkage. Small enough to read, deterministic
 * (the same examples give the same model), and its weights are plain JSON committed with the code.
 */

export interface LogisticModel<Label extends string = string> {
  /** One bias, and one weight per feature, for each label, in this order. */
  labels: Label[];
  /** A label is predicted from this probability on. */
  threshold: number;
  bias: number[];
  weights: Record<string, number[]>;
}

export interface Example<Label extends string = string> {
  features: string[];
  labels: Set<Label>;
}

export interface TrainingOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Features seen in fewer examples are left out. */
  minCount?: number;
  threshold?: number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The probability of each of the model's labels. */
export function probabilities(model: LogisticModel, features: string[]): number[] {
  const sums = [...model.bias];
  for (const feature of features) {
    const row = model.weights[feature];
    if (row) for (let l = 0; l < sums.length; l++) sums[l]! += row[l]!;
  }
  return sums.map(sigmoid);
}

/** A fixed shuffle for each epoch, so that a model trained twice on the same examples is the same model. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function trainLogistic<Label extends string>(examples: Example<Label>[], labels: readonly Label[], options: TrainingOptions = {}): LogisticModel<Label> {
  const { epochs = 12, learningRate = 0.3, l2 = 1e-5, minCount = 3, threshold = 0.5 } = options;
  const counts = new Map<string, number>();
  for (const example of examples) for (const f of example.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = labels.filter((label) => examples.some((example) => example.labels.has(label)));
  const weights = new Map<string, Float64Array>();
  for (const [feature, count] of counts) if (count >= minCount) weights.set(feature, new Float64Array(kept.length));
  const bias = new Float64Array(kept.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = learningRate / (1 + epoch);
    for (const example of shuffled(examples, epoch + 1)) {
      const rows = example.features.map((f) => weights.get(f)).filter((row): row is Float64Array => row !== undefined);
      for (let l = 0; l < kept.length; l++) {
        let sum = bias[l]!;
        for (const row of rows) sum += row[l]!;
        const gradient = (example.labels.has(kept[l]!) ? 1 : 0) - sigmoid(sum);
        bias[l]! += rate * gradient;
        for (const row of rows) row[l]! += rate * (gradient - l2 * row[l]!);
      }
    }
  }
  // Two decimals, and no feature whose every weight is under 0.05: a third of the size, the same predictions.
  const round = (x: number) => Math.round(x * 100) / 100;
  const written: Record<string, number[]> = {};
  for (const [feature, row] of [...weights].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (row.some((w) => Math.abs(w) >= 0.05)) written[feature] = [...row].map(round);
  }
  return { labels: kept, threshold, bias: [...bias].map(round), weights: written };
}
