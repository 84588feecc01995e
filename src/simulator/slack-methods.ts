import methods from './slack-methods.json' with { type: 'json' };

/**
 * Slack's Web API methods as the simulator knows them (issue 18): for each of the 322 published methods,
 * its required arguments (besides the token) and the bot scopes it needs. Derived from the public,
 * MIT-licensed slack-ruby/slack-api-ref project (its docs.slack.dev method files, snapshot of
 * 2026-08-20), trimmed to those two fields. A method not listed is `unknown_method`; a missing required
 * argument is `invalid_arguments`. Some methods take one of several arguments (`views.open` needs
 * `trigger_id` or `interactivity_pointer`); those are not in `required`.
 */
export const SLACK_METHODS: Readonly<Record<string, { readonly required: readonly string[]; readonly bot_scopes: readonly string[] }>> = methods;
