/**
 * What the lesson page shows around the lesson itself: the duty's scenarios to practise and the
 * previous and next lessons in the training order (duty by duty, then by each lesson's order).
 * Pure over the content bundle, so it is tested without a server.
 */
import { dutyLabel } from '$lib/duties';
import { DIFFICULTY_NAMES } from '$lib/exams/types';

type LessonLike = { id: string; title: string; duty: string };
type ScenarioLike = { id: string; title: string; duty: string; difficulty: 1 | 2 | 3; targetSeconds: number; summary: string };

export interface ScenarioLink {
	id: string;
	title: string;
	summary: string;
	difficulty: string;
	/** "4 minutes", "2½ minutes", "45 seconds". */
	target: string;
	href: string;
}

export interface LessonLink {
	id: string;
	title: string;
	duty: string;
	href: string;
}

/** A target time in words a trainee reads at a glance. */
export function targetTime(seconds: number): string {
	if (seconds < 60) return `${seconds} seconds`;
	const whole = Math.floor(seconds / 60);
	const rest = seconds % 60;
	const half = rest === 30 ? '½' : '';
	if (rest !== 0 && rest !== 30) return `${whole} min ${rest} s`;
	return `${whole}${half} minute${whole === 1 && !half ? '' : 's'}`;
}

/** The scenarios of `duty`, in the order the bundle keeps them (duty, then order). */
export function scenariosForDuty(scenarios: readonly ScenarioLike[], duty: string): ScenarioLink[] {
	return scenarios
		.filter((s) => s.duty === duty)
		.map((s) => ({
			id: s.id,
			title: s.title,
			summary: s.summary,
			difficulty: DIFFICULTY_NAMES[s.difficulty],
			target: targetTime(s.targetSeconds),
			href: `/train/scenarios/${s.id}`
		}));
}

/** The lessons before and after `id` in the bundle's order (which is the training order). */
export function neighbours(lessons: readonly LessonLike[], id: string): { previous: LessonLink | null; next: LessonLink | null } {
	const at = lessons.findIndex((l) => l.id === id);
	const link = (l: LessonLike | undefined): LessonLink | null =>
		l ? { id: l.id, title: l.title, duty: dutyLabel(l.duty), href: `/train/lessons/${l.id}` } : null;
	return at < 0 ? { previous: null, next: null } : { previous: link(lessons[at - 1]), next: link(lessons[at + 1]) };
}
