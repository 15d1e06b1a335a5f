using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mapper.Console.Store.Configurations;

public sealed class IncidentNoteConfiguration : IEntityTypeConfiguration<IncidentNote>
{
    public void Configure(EntityTypeBuilder<IncidentNote> builder)
    {
        builder.ToTable("incident_notes");

        // Numbered by the executor, like incidents: the audit row of the note names it.
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Author).HasMaxLength(128);
        builder.HasOne<Incident>().WithMany().HasForeignKey(n => n.IncidentId);
        builder.HasMany(n => n.Revisions).WithOne().HasForeignKey(r => r.NoteId);
        builder.HasIndex(n => n.IncidentId);
    }
}
