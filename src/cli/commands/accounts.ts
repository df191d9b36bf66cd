import { type Command, Option } from 'commander';
import { staffRoles, systemActor } from '../../modules/users/actor.ts';
import { userInput } from '../../modules/users/user.ts';
import { createApiToken, createUser } from '../../modules/users/users.service.ts';
import { validationError } from '../../shared/http.ts';
import { type CliContext, readStdin } from '../context.ts';

export function registerAccountCommands(program: Command, cli: CliContext): void {
  program
    .command('user')
    .description('manage accounts')
    .command('create')
    .description('create an account; the password is read from standard input')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .addOption(new Option('--role <role>').choices(staffRoles).makeOptionMandatory())
    .option('--organization <id>', 'the organisation the user works for')
    .action(async (options: { email: string; name: string; role: string; organization?: string }) => {
      const password = await readStdin('Password (input is shown; pipe it in to hide it): ');
      const parsed = userInput.safeParse({ ...options, organizationId: options.organization ?? null, password });
      if (!parsed.success) throw validationError(parsed.error.issues);
      const created = await cli.withApplication(({ services }) => createUser(services, systemActor('cli'), parsed.data));
      console.log(`Created ${created.role} ${created.email} (${created.id})`);
    });

  program
    .command('token')
    .description('API tokens')
    .command('create')
    .description('create an API token for an account and print only the token')
    .requiredOption('--email <email>')
    .option('--label <label>', 'what the token is for')
    .action(async (options: { email: string; label?: string }) => {
      const { token } = await cli.withApplication(({ services }) => createApiToken(services, systemActor('cli'), options));
      console.log(token);
    });
}
