import type { SeededRandom } from './random';

/** Word lists for a plausible Central Valley city. All names are invented combinations. */
export const FIRST_NAMES = [
	'Maria', 'Jose', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Elizabeth', 'Daniel', 'Susan',
	'Carlos', 'Ana', 'Luis', 'Rosa', 'Miguel', 'Carmen', 'Juan', 'Gabriela', 'Harpreet', 'Gurpreet', 'Manjit', 'Amandeep',
	'Wei', 'Mei', 'Hoa', 'Minh', 'Priya', 'Arjun', 'Fatima', 'Omar', 'Aisha', 'Tariq', 'Keisha', 'Marcus', 'Tamika', 'Andre',
	'Emily', 'Joshua', 'Ashley', 'Matthew', 'Sarah', 'Christopher', 'Jessica', 'Anthony', 'Amanda', 'Kevin', 'Nicole', 'Brian',
	'Stephanie', 'Jason', 'Melissa', 'Ryan', 'Laura', 'Eric', 'Rachel', 'Steven', 'Angela', 'Thomas', 'Diana', 'Francisco',
	'Veronica', 'Ricardo', 'Alejandra', 'Jorge', 'Lucia', 'Manuel', 'Teresa', 'Pedro', 'Silvia', 'Rafael', 'Monica', 'Sergio',
	'Paul', 'Karen', 'Mark', 'Donna', 'George', 'Ruth', 'Kenneth', 'Sharon', 'Dolores', 'Ernesto', 'Yolanda', 'Armando'
] as const;

export const LAST_NAMES = [
	'Alvarez', 'Garcia', 'Martinez', 'Rodriguez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres',
	'Flores', 'Rivera', 'Gomez', 'Diaz', 'Reyes', 'Morales', 'Ortiz', 'Gutierrez', 'Chavez', 'Ramos', 'Ruiz', 'Mendoza',
	'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore',
	'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen',
	'Singh', 'Kaur', 'Sandhu', 'Gill', 'Dhillon', 'Nguyen', 'Tran', 'Pham', 'Le', 'Chen', 'Wang', 'Liu', 'Patel', 'Shah',
	'Khan', 'Ali', 'Okafor', 'Mensah', 'Washington', 'Brooks', 'Coleman', 'Silva', 'Souza', 'Pereira', 'Costa', 'Nakamura',
	'Tanaka', 'Kim', 'Park', 'Santos', 'Castillo', 'Vargas', 'Herrera', 'Medina', 'Aguilar', 'Vega', 'Navarro', 'Delgado'
] as const;

/** Street names in the style of a San Joaquin County city. */
export const STREETS = [
	'W 11th St', 'E 11th St', 'W 10th St', 'Central Ave', 'Tracy Blvd', 'Corral Hollow Rd', 'Grant Line Rd', 'Lammers Rd',
	'Byron Rd', 'MacArthur Dr', 'Chrisman Rd', 'Valpico Rd', 'Schulte Rd', 'Lowell Ave', 'Eaton Ave', 'Parker Ave',
	'Holly Dr', 'Mount Diablo Ave', 'Beverly Pl', 'Court Dr', 'Emerson Ave', 'Sycamore Pkwy', 'Orchard Pkwy', 'Kavanagh Ave',
	'Lincoln Blvd', 'Adam St', 'Bessie Ave', 'Mae Ave', 'Wall St', 'Whispering Wind Dr', 'Glenbriar Dr', 'Heritage Dr',
	'Fabian Way', 'Alegre Dr', 'Peony Dr', 'Redbridge Rd', 'Hansen Rd', 'Tennis Ln', 'Pavilion Pkwy', 'Larch Rd'
] as const;

export const COMMERCIAL_STREETS = ['W 11th St', 'Tracy Blvd', 'Grant Line Rd', 'Central Ave', 'MacArthur Dr', 'Naglee Rd', 'Pavilion Pkwy', 'Larch Rd', 'Chrisman Rd', 'Pescadero Ave'] as const;

export const BUSINESS_WORDS = {
	retail: ['Market', 'Boutique', 'Hardware', 'Florist', 'Pharmacy', 'Furniture', 'Auto Parts', 'Bakery', 'Tire Center', 'Books'],
	manufacturing: ['Fabrication', 'Packaging', 'Metalworks', 'Plastics', 'Food Processing', 'Cabinetry'],
	contractor: ['Construction', 'Plumbing', 'Electric', 'Roofing', 'Landscaping', 'Concrete', 'Painting', 'HVAC'],
	rental: ['Property Management', 'Apartments', 'Equipment Rental', 'Storage', 'Party Rentals'],
	services: ['Dental', 'Accounting', 'Law Office', 'Insurance', 'Salon', 'Barber Shop', 'Tax Service', 'Chiropractic', 'Tutoring', 'Photography'],
	other: ['Logistics', 'Trucking', 'Consulting', 'Cleaning Services', 'Pet Grooming', 'Auto Repair']
} as const;

const BUSINESS_PREFIXES = ['Valley', 'Delta', 'Central', 'Diablo', 'Golden State', 'Sunrise', 'Tracy', 'Altamont', 'San Joaquin', 'Pioneer', 'Heritage', 'Orchard', 'Westside', 'Crossroads'];

export function personName(rng: SeededRandom): { first: string; last: string; full: string } {
	const first = rng.pick(FIRST_NAMES);
	const last = rng.pick(LAST_NAMES);
	return { first, last, full: `${first} ${last}` };
}

export function residentialAddress(rng: SeededRandom): string {
	return `${rng.int(100, 4999)} ${rng.pick(STREETS)}`;
}

export function commercialAddress(rng: SeededRandom): string {
	const suite = rng.chance(0.4) ? `, Suite ${rng.int(1, 40) * 10}` : '';
	return `${rng.int(10, 3999)} ${rng.pick(COMMERCIAL_STREETS)}${suite}`;
}

/** A city phone number in the 209 area code (555 exchange: never a real line). */
export function phoneNumber(rng: SeededRandom): string {
	return `(209) 555-${String(rng.int(100, 9999)).padStart(4, '0')}`;
}

export function businessName(rng: SeededRandom, kind: keyof typeof BUSINESS_WORDS): string {
	const style = rng.int(0, 2);
	const word = rng.pick(BUSINESS_WORDS[kind]);
	if (style === 0) return `${rng.pick(BUSINESS_PREFIXES)} ${word}`;
	if (style === 1) return `${rng.pick(LAST_NAMES)} ${word}`;
	return `${rng.pick(LAST_NAMES)} & ${rng.pick(LAST_NAMES)} ${word}`;
}
