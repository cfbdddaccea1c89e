// Pure functions of a string that every page calls with the same few inputs (the Markdown of the
// plan's updates, the days of its milestones) remember their results. Bounded: when full, the table
// starts again empty, which costs one recomputation per input and no bookkeeping per call. Safe to
// share between requests because the functions memoised are pure: the same input gives the same
// string, whoever asks.

export function memoised(compute: (input: string) => string, { maxEntries = 2000, maxInputLength = 4000 } = {}): (input: string) => string {
	let results = new Map<string, string>();
	return (input) => {
		let result = results.get(input);
		if (result !== undefined) return result;
		result = compute(input);
		// A long text (a whole report section) is rare and would hold memory for nothing.
		if (input.length <= maxInputLength) {
			if (results.size >= maxEntries) results = new Map();
			results.set(input, result);
		}
		return result;
	};
}
