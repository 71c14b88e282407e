package id.balai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.balai.identity.StaffDirectory;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The city admin keeps the holiday list; deadlines follow it at once; nobody else may change it. */
@SpringBootTest
@AutoConfigureMockMvc
class HolidayAdminWebTest {

    @Autowired MockMvc mvc;
    @Autowired Holidays holidays;
    @Autowired StaffDirectory staff;

    @Test
    void aHolidayAddedByTheCityAdminMovesDeadlinesAndCanBeRemovedAgain() throws Exception {
        var admin = staff.byUsername("admin").orElseThrow();
        LocalDate day = LocalDate.of(2027, 4, 14); // a Wednesday
        assertThat(holidays.calendar().isWorkingDay(day)).isTrue();
        mvc.perform(post("/admin/libur").param("date", "2027-04-14").param("name", "Cuti bersama daerah").with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.holiday.saved"));
        assertThat(holidays.calendar().isWorkingDay(day)).isFalse();
        assertThat(mvc.perform(get("/admin/libur").with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Cuti bersama daerah", "Tahun Baru Masehi");
        mvc.perform(post("/admin/libur/hapus").param("date", "2027-04-14").with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.holiday.removed"));
        assertThat(holidays.calendar().isWorkingDay(day)).isTrue();
    }

    @Test
    void badInputIsExplainedAndChangesNothing() throws Exception {
        var admin = staff.byUsername("admin").orElseThrow();
        int before = holidays.all().size();
        mvc.perform(post("/admin/libur").param("date", "31-02-2027").param("name", "x").with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("flashError", "error.holiday.date"));
        mvc.perform(post("/admin/libur").param("date", "2027-04-15").param("name", " ").with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("flashError", "error.holiday.name"));
        assertThat(holidays.all()).hasSize(before);
    }

    @Test
    void onlyTheCityAdminMayChangeTheCalendar() throws Exception {
        mvc.perform(post("/admin/libur").param("date", "2027-04-16").param("name", "x")
                .with(user(staff.byUsername("koordinator").orElseThrow())).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/libur").with(user(staff.byUsername("walikota").orElseThrow()))).andExpect(status().isForbidden());
        assertThat(holidays.calendar().isWorkingDay(LocalDate.of(2027, 4, 16))).isTrue();
    }
}
