/**
 * The topics of the Account Clerk written exam. Every item names one; blueprint sections draw by
 * them. Ids are stable: they appear in item and blueprint front matter and in item analysis.
 */
export const EXAM_TOPICS = [
	{ id: 'utility-billing', label: 'Utility billing', area: 'job-knowledge' },
	{ id: 'cashiering', label: 'Cash handling', area: 'job-knowledge' },
	{ id: 'business-licenses', label: 'Business licenses', area: 'job-knowledge' },
	{ id: 'accounts-receivable', label: 'Accounts receivable', area: 'job-knowledge' },
	{ id: 'accounts-payable', label: 'Vendor invoices', area: 'job-knowledge' },
	{ id: 'permits', label: 'Permits', area: 'job-knowledge' },
	{ id: 'mail', label: 'Mail', area: 'job-knowledge' },
	{ id: 'customer-service', label: 'Customer service judgement', area: 'job-knowledge' },
	{ id: 'business-arithmetic', label: 'Business arithmetic', area: 'clerical' },
	{ id: 'record-keeping', label: 'Record keeping and filing', area: 'clerical' },
	{ id: 'checking', label: 'Name and number checking', area: 'clerical' },
	{ id: 'reading', label: 'Reading tables and passages', area: 'clerical' },
	{ id: 'office-software', label: 'Office software basics', area: 'clerical' },
	{ id: 'spelling', label: 'Spelling', area: 'language' },
	{ id: 'grammar', label: 'Grammar and usage', area: 'language' },
	{ id: 'vocabulary', label: 'Vocabulary', area: 'language' },
	{ id: 'correspondence', label: 'Written correspondence', area: 'language' },
	{ id: 'keyboarding', label: 'Typing and 10-key', area: 'skills' }
] as const;

export type TopicId = (typeof EXAM_TOPICS)[number]['id'];
export const TOPIC_IDS = EXAM_TOPICS.map((t) => t.id) as unknown as readonly [TopicId, ...TopicId[]];

export function topicLabel(id: string): string {
	return EXAM_TOPICS.find((t) => t.id === id)?.label ?? id;
}
