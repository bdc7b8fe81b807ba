import type { PasswordPolicy } from '../../directory/directory.port';

const CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/**
 * Why AD would refuse `password` under the domain's policy (empty when it would not): minimum length and, with
 * complexity on, three of the four character classes and not containing the sAMAccountName (when it is longer
 * than 2 characters, case-insensitively). Never includes the password itself.
 */
export function passwordProblems(password: string, policy: PasswordPolicy, samAccountName: string): string[] {
  const problems: string[] = [];
  if (Array.from(password).length < policy.minLength) {
    problems.push(`must be at least ${policy.minLength} characters long`);
  }
  if (policy.complexity) {
    const classes = CLASSES.filter((pattern) => pattern.test(password)).length;
    if (classes < 3) {
      problems.push('must contain characters of 3 of these 4 kinds: upper case, lower case, digits, symbols');
    }
    if (samAccountName.length > 2 && password.toLowerCase().includes(samAccountName.toLowerCase())) {
      problems.push('must not contain the account name');
    }
  }
  return problems;
}
