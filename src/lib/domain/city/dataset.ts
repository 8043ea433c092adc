/**
 * Word lists for the demo city that names.ts does not have: banks, money-order issuers, nearby towns
 * for absentee owners' mailing addresses, and the city's zip codes. All plausible, none real accounts.
 */
export const BANKS = [
	'Bank of America',
	'Wells Fargo',
	'Chase',
	'Bank of Stockton',
	'Oak Valley Community Bank',
	'Farmers & Merchants Bank',
	'Travis Credit Union',
	'Golden 1 Credit Union',
	'Mechanics Bank',
	'U.S. Bank',
	'Schools Financial Credit Union',
	'Tri Counties Bank'
] as const;

export const MONEY_ORDER_ISSUERS = ['USPS', 'Western Union', 'MoneyGram'] as const;

/** Tracy's zip codes (the city's own mail goes to 95376/95377; 95304 is the south and west side). */
export const ZIPS = ['95376', '95377', '95304'] as const;

/** Where absentee owners and landlords get their mail. */
export const OTHER_TOWNS = [
	{ city: 'Stockton', zip: '95207' },
	{ city: 'Manteca', zip: '95336' },
	{ city: 'Livermore', zip: '94550' },
	{ city: 'Pleasanton', zip: '94566' },
	{ city: 'Modesto', zip: '95355' },
	{ city: 'Lathrop', zip: '95330' },
	{ city: 'San Jose', zip: '95125' },
	{ city: 'Sacramento', zip: '95819' }
] as const;

export const PROPERTY_MANAGERS = ['Delta Property Management', 'Valley Rental Homes', 'Crossroads Realty & Management', 'Pioneer Residential Services', 'Westside Property Group'] as const;

export const PHYSICIANS = ['Dr. Anita Rao, MD', 'Dr. Samuel Ortega, MD', 'Dr. Helen Cho, DO', 'Dr. Marcus Bell, MD'] as const;

/** Seasonal factor on residential water use by calendar month (January first): summer irrigation peaks. */
export const SEASON = [0.78, 0.76, 0.84, 0.98, 1.18, 1.4, 1.6, 1.62, 1.38, 1.12, 0.9, 0.8] as const;
