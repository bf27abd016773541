/** Images must name an immutable version: no `latest`, no missing tag; a digest pins it for good. */
import { withDefaults } from '../model/normalize/parameters.js';
import { createRule } from './create-rule.js';
import { containersOf, forEachTarget } from './utils/spec.js';

export type MessageIds = 'latestTag' | 'missingTag' | 'noDigest';
export interface Options {
  /** Also require `@sha256:` digests (tags can be re-pushed unless the registry makes them immutable). */
  requireDigest?: boolean;
}

/** Splits `registry:port/repo:tag@digest` (the tag is after the last `/`). */
export function parseImage(image: string): { tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const last = name.slice(name.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return { ...(colon >= 0 ? { tag: last.slice(colon + 1) } : {}), ...(digest ? { digest } : {}) };
}

export default createRule<MessageIds, Options>({
  id: 'no-mutable-image-tag',
  meta: {
    type: 'problem',
    docs: { description: 'Require immutable image references: no `latest` tag, no missing tag (a digest is best).', recommended: true },
    defaultSeverity: 'warning',
    messages: {
      latestTag: 'Image {{image}} uses the mutable tag "latest", so a redeploy or a replaced task can run different code.',
      missingTag: 'Image {{image}} has no tag, which means "latest".',
      noDigest: 'Image {{image}} is not pinned by digest.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { requireDigest: { type: 'boolean', description: 'Also require an @sha256: digest.' } },
    },
    defaultOptions: { requireDigest: false },
  },
  check(ctx) {
    forEachTarget(ctx, (spec, target) => {
      for (const c of containersOf(spec)) {
        // A tag that is a parameter (`repo:${ImageTag}`) is judged by its default.
        const { tag, digest } = parseImage(withDefaults(spec, c.image));
        const path = [...c.path, 'image'];
        const hint = 'pin a version tag such as :1.2.3, or a digest (@sha256:...)';
        if (digest) continue;
        if (tag === 'latest') ctx.report({ messageId: 'latestTag', path, target, data: { image: c.image }, hint });
        else if (tag === undefined) ctx.report({ messageId: 'missingTag', path, target, data: { image: c.image }, hint });
        else if (ctx.options.requireDigest) ctx.report({ messageId: 'noDigest', path, target, data: { image: c.image }, hint: 'append @sha256:<digest> (e.g. from `docker buildx imagetools inspect`)' });
      }
    });
  },
});
