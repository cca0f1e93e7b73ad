import { listCollections } from '../../api/recordings.ts';
import { useLoad } from '../../hooks.ts';
import { hrefFor } from '../../router.ts';

/** "Protected identities" of the collection the Calls page is filtered to (by name). */
export function RegisterLink({ collectionName }: { collectionName: string }) {
  const collections = useLoad('collections', (signal) => listCollections(signal)).data?.items ?? [];
  const collection = collections.find((c) => c.name === collectionName);
  if (!collection) return null;
  return (
    <a
      className="register-link"
      href={hrefFor(`collections/${collection.id}/register`)}
      data-testid="register-link"
    >
      Protected identities of “{collection.name}”
    </a>
  );
}
