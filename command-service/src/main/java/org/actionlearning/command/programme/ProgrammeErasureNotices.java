package org.actionlearning.command.programme;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.command.personaldata.ErasureNotices;
import org.actionlearning.command.programme.ProgrammeCommands.ErasePersonalData;
import org.actionlearning.command.web.CommandSender;
import org.springframework.stereotype.Component;

/** An erasure reaches a programme as its {@code ErasePersonalData} command, which publishes {@code PersonErased}. */
@Component
class ProgrammeErasureNotices implements ErasureNotices {

    private final CommandSender commands;

    ProgrammeErasureNotices(CommandSender commands) {
        this.commands = commands;
    }

    @Override
    public void personErased(UUID programmeId, UUID personId, LocalDate erasedOn) {
        commands.send(new ErasePersonalData(programmeId, personId, erasedOn));
    }
}
