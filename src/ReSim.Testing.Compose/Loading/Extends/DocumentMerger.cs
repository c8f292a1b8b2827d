using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Extends;

/// <summary>Merges the YAML documents of one file (separated by <c>---</c>) in order, each over the ones before, as compose-go does.</summary>
/// <remarks>
/// A later document is an override file: its services merge over those of the same name with <see cref="ServiceMerger"/>'s
/// rules, other top-level mappings (<c>volumes</c>, <c>x-</c> keys) merge key by key, anything else is replaced. Empty
/// documents are skipped.
/// </remarks>
internal static class DocumentMerger
{
    /// <summary>The one root of <paramref name="documents"/>.</summary>
    /// <param name="documents">The documents' roots, in order.</param>
    /// <param name="diagnostics">Receives an error for a later document that is not a mapping.</param>
    /// <returns>The merged root, or <see langword="null"/> when every document is empty.</returns>
    public static ComposeNode? Merge(IReadOnlyList<ComposeNode> documents, DiagnosticBag diagnostics)
    {
        var present = documents.Where(d => d is not ScalarNode { IsNull: true }).ToList();
        if (present.Count <= 1)
        {
            return present.FirstOrDefault();
        }

        if (present.FirstOrDefault(d => d is not MappingNode) is { } wrong)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, wrong.Location, $"A YAML document of the file is {wrong.Describe()}; every document of a compose file is a mapping.", "Write each document (after `---`) as a mapping with `services:`, or remove the `---`.");
            return null;
        }

        // One pass with indexes, so that many documents (a hostile file) cost what their entries cost.
        var first = (MappingNode)present[0];
        var top = new Merged(first);
        var nested = new Dictionary<string, Merged>(StringComparer.Ordinal);
        foreach (var document in present.Skip(1).Cast<MappingNode>())
        {
            foreach (var entry in document.Entries)
            {
                if (top.Find(entry.Name) is not { } index || top.Entries[index].Value is not MappingNode earlier || entry.Value is not MappingNode later)
                {
                    top.Set(entry);
                    nested.Remove(entry.Name);
                    continue;
                }

                if (!nested.TryGetValue(entry.Name, out var inner))
                {
                    nested[entry.Name] = inner = new Merged(earlier);
                }

                foreach (var item in later.Entries)
                {
                    inner.Set(entry.Name == "services" && inner.Find(item.Name) is { } at && inner.Entries[at].Value is MappingNode baseService && item.Value is MappingNode overrides
                        ? item with { Value = ServiceMerger.Merge(baseService, overrides) }
                        : item);
                }
            }
        }

        foreach (var (name, inner) in nested)
        {
            var index = top.Find(name)!.Value;
            top.Entries[index] = top.Entries[index] with { Value = ((MappingNode)top.Entries[index].Value).WithEntries([.. inner.Entries]) };
        }

        return first.WithEntries([.. top.Entries]);
    }

    /// <summary>The entries of a mapping being merged, in first-seen order, with an index by key.</summary>
    private sealed class Merged
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

        public Merged(MappingNode mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                Set(entry);
            }
        }

        public List<MappingEntry> Entries { get; } = [];

        public int? Find(string key) => index.TryGetValue(key, out var at) ? at : null;

        public void Set(MappingEntry entry)
        {
            if (index.TryGetValue(entry.Name, out var at))
            {
                Entries[at] = entry;
            }
            else
            {
                index[entry.Name] = Entries.Count;
                Entries.Add(entry);
            }
        }
    }
}
