using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Store;

/// <summary>The incident tables on the store's context (configured by their <c>IEntityTypeConfiguration</c>s).</summary>
public static class IncidentSets
{
    extension(MapperDbContext db)
    {
        public DbSet<Incident> Incidents => db.Set<Incident>();

        public DbSet<IncidentAlert> IncidentAlerts => db.Set<IncidentAlert>();

        public DbSet<IncidentNote> IncidentNotes => db.Set<IncidentNote>();

        public DbSet<IncidentNoteRevision> IncidentNoteRevisions => db.Set<IncidentNoteRevision>();

        public DbSet<Escalation> Escalations => db.Set<Escalation>();
    }
}
