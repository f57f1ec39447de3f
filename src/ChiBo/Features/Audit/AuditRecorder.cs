using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChiBo.Features.Audit;

/// <summary>
/// Turns the change tracker into audit rows on every SaveChanges. Scoped: the actor is the signed-in
/// user of the request, or whatever a background job sets. Secrets (password hashes, stamps) are never copied.
/// Bulk ExecuteUpdate/ExecuteDelete bypass the tracker, so code that uses them writes its own entry.
/// </summary>
public class AuditRecorder(IHttpContextAccessor http, TimeProvider clock)
{
    // Document bodies are files, not facts: the audit row says a file was added, not its bytes.
    static readonly HashSet<string> Hidden = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SortKey", "NameKey", "Content"];

    public string? ActorOverride { get; set; }

    string Actor => ActorOverride ?? http.HttpContext?.User.Identity?.Name ?? "system";

    public List<Pending> Capture(ChangeTracker tracker)
    {
        var list = new List<Pending>();
        foreach (var e in tracker.Entries())
        {
            if (e.Entity is AuditEntry or Shared.IdempotencyRecord || e.State is EntityState.Unchanged or EntityState.Detached) continue;
            var before = e.State is EntityState.Modified or EntityState.Deleted ? Values(e, original: true) : null;
            list.Add(new Pending(this, e, e.State.ToString(), before, clock.GetUtcNow().UtcDateTime));
        }
        return list;
    }

    static Dictionary<string, object?> Values(EntityEntry e, bool original)
    {
        var d = new Dictionary<string, object?>();
        foreach (var p in e.Properties)
        {
            if (Hidden.Contains(p.Metadata.Name)) continue;
            if (original && e.State == EntityState.Modified && !p.IsModified && !p.Metadata.IsPrimaryKey()) continue;
            d[p.Metadata.Name] = original ? p.OriginalValue : p.CurrentValue;
        }
        return d;
    }

    public record Pending(AuditRecorder Owner, EntityEntry Entry, string Action, Dictionary<string, object?>? Before, DateTime At)
    {
        public AuditEntry ToEntry()
        {
            Dictionary<string, object?>? after = null;
            if (Action != nameof(EntityState.Deleted))
            {
                after = Values(Entry, original: false);
                if (Action == nameof(EntityState.Modified) && Before is not null)
                    after = after.Where(kv => Before.ContainsKey(kv.Key)).ToDictionary();
            }
            var key = string.Join(",", Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Entry.Property(p.Name).CurrentValue));
            return new AuditEntry
            {
                At = At,
                Actor = Owner.Actor,
                Action = Action,
                Entity = Entry.Metadata.ClrType.Name,
                EntityId = key,
                Before = Before is null ? null : JsonSerializer.Serialize(Before),
                After = after is null ? null : JsonSerializer.Serialize(after),
            };
        }
    }
}
