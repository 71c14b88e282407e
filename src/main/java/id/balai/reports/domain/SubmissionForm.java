package id.balai.reports.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a citizen sends, from the web form or (later) a channel. Location is a point, or — without a
 * map — a kelurahan picked from a list and a typed address.
 */
public class SubmissionForm {
    private String submissionKey;
    private Long categoryId;
    private String description;
    private Double lat;
    private Double lon;
    private String address;
    private String kelurahanCode;
    private boolean anonymous;
    private boolean confidential;
    private String name;
    private String phone;
    private String email;
    private Map<String, String> answers = new LinkedHashMap<>();
    private String channel = "WEB";

    public String getSubmissionKey() { return submissionKey; }
    public void setSubmissionKey(String v) { submissionKey = v; }
    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long v) { categoryId = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public Double getLat() { return lat; }
    public void setLat(Double v) { lat = v; }
    public Double getLon() { return lon; }
    public void setLon(Double v) { lon = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getKelurahanCode() { return kelurahanCode; }
    public void setKelurahanCode(String v) { kelurahanCode = v; }
    public boolean isAnonymous() { return anonymous; }
    public void setAnonymous(boolean v) { anonymous = v; }
    public boolean isConfidential() { return confidential; }
    public void setConfidential(boolean v) { confidential = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public Map<String, String> getAnswers() { return answers; }
    public void setAnswers(Map<String, String> v) { answers = v == null ? new LinkedHashMap<>() : v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { channel = v; }
}
